package org.tec.fit;

import java.util.List;
import org.tec.interp.Observation;
import org.tec.interp.RunRecord;
import org.tec.model.Var;

/**
 * What an observableId names: a state variable as scripts write it ({@code client.distress}),
 * observable without a declaration, or an {@code observe} of the scenario.
 */
record Observable(String id, Var var, Observation observation) {
    /** What {@code id} names among the scenario's observes and the state variables, or null. */
    static Observable find(String id, List<Observation> declared) {
        for (Observation o : declared) if (o.name().equals(id)) return new Observable(id, null, o);
        Var v = Var.find(id);
        return v == null ? null : new Observable(id, v, null);
    }

    /** The value at minute {@code t} of a run. */
    double at(RunRecord record, double t) {
        return var != null ? Problem.at(record.trajectory(), var, t) : observation.at(record, t);
    }

    /** The declared sd of a measurement with this prediction, or NaN (none declared, or estimated). */
    double declaredSd(double predicted) {
        return observation == null ? Double.NaN : observation.sd(predicted);
    }

    /** Every recorded step of a run, for a figure. */
    double[] series(RunRecord record) {
        double[] times = record.trajectory().times();
        if (var != null) return record.trajectory().series(var);
        double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) out[i] = observation.at(record, times[i]);
        return out;
    }
}
