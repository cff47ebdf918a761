package org.tec.interp;

import java.util.ArrayList;
import java.util.List;
import org.tec.diag.Suggest;
import org.tec.lang.ast.Action;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.Item;
import org.tec.model.Var;

/** What a run writes: emit (data files), plot (figures) and print (values after the run). */
final class OutputLowering extends Stage {
    OutputLowering(Declarations names, ProgramBuilder out) {
        super(names, out);
    }

    void emit(Item.Emit e) {
        StudyTable table = StudyTable.named(e.format());
        if (table != null) {
            table(e, table);
            return;
        }
        FileFormat format = FileFormat.byKey(e.format(), FileFormat.Kind.DATA);
        if (format == null) {
            List<String> keys = new java.util.ArrayList<>(FileFormat.keys(FileFormat.Kind.DATA));
            if (out.study()) keys.addAll(StudyTable.words());
            String hint = Suggest.hint(e.format(), keys);
            sink.error(e.formatSpan(), "unknown output format '" + e.format() + "'", hint != null ? hint : "formats: " + String.join(", ", keys));
            return;
        }
        double every = 0;
        if (e.every() != null) {
            Double v = names.constantOf(e.every(), Type.DURATION, "a duration such as 0.5 min");
            if (v == null) return;
            if (v <= 0) {
                sink.error(e.every().span(), "'every' must be longer than 0 min", names.fromOverrides(e.every()));
                return;
            }
            every = v;
        }
        List<Var> vars = variables(e.variables());
        if (vars != null) out.emits.add(new Program.EmitPlan(format, e.file(), every, vars, e.span()));
    }

    /** {@code emit summary "FILE.csv"}: a table of the whole study, so only in a study, and as CSV. */
    private void table(Item.Emit e, StudyTable table) {
        if (!out.study()) {
            sink.error(e.formatSpan(), "'emit " + table.word() + "' writes a table of a study's runs, and this scenario is one run",
                    "add, for example: replicate 40");
            return;
        }
        if (e.every() != null || !e.variables().isEmpty()) {
            sink.error(e.span(), "'emit " + table.word() + "' writes the study's prints, once; it takes no 'every' and no variables",
                    "write: emit " + table.word() + " \"" + e.file() + "\"");
            return;
        }
        if (FileFormat.byFileName(e.file(), FileFormat.Kind.DATA) == null) {
            sink.error(e.fileSpan(), "a study's " + table.word() + " is written as CSV or JSON; end the file name in .csv or .json", null);
            return;
        }
        out.tables.add(new Program.TablePlan(table, e.file(), e.span()));
    }

    void plot(Item.Plot p) {
        List<Var> vars = variables(p.variables());
        if (p.sweep() && out.design != null) {
            sink.error(p.span(), "'plot sweep' draws outcomes against a swept parameter, and this study samples its points ("
                    + out.design.kind() + "): there is no sweep to draw along",
                    out.design instanceof StudyDesign.Saltelli ? "draw the indices instead: plot sensitivity to FILE" : "draw a sweep in a scenario of its own");
        } else if (!p.sweep() && out.design != null) {
            sink.error(p.span(), "'plot' of variables in a study draws a median and band per sweep point and arm, and this study samples its points ("
                    + out.design.kind() + ") instead of sweeping them",
                    "draw the trajectories in a scenario of its own, over a sweep or arms");
        } else if (p.sweep() && out.sweeps.isEmpty() && out.arms.isEmpty()) {
            sink.error(p.span(), "'plot sweep' draws a study's outcomes against its swept parameter or side by side by arm, and this scenario has neither",
                    "add, for example: sweep therapist.affect_sharing from 0 to 1 step 0.1");
        } else if (p.sweep() && Program.PlotPlan.tooManySweeps("'plot sweep'", swept()) != null) {
            sink.error(p.span(), Program.PlotPlan.tooManySweeps("'plot sweep'", swept()), Program.PlotPlan.TOO_MANY_SWEEPS_HINT);
        } else if (!p.sweep() && Program.PlotPlan.tooManyConditions(conditions()) != null) {
            sink.error(p.span(), Program.PlotPlan.tooManyConditions(conditions()), Program.PlotPlan.TOO_MANY_CONDITIONS_HINT);
        } else if (vars != null) {
            out.plots.add(new Program.PlotPlan(vars, p.sweep(), p.file(), p.span()));
        }
        if (p.file() != null && FileFormat.byFileName(p.file(), FileFormat.Kind.FIGURE) == null) {
            sink.error(p.fileSpan(), "a figure is written as " + FileFormat.extensions(FileFormat.Kind.FIGURE) + ", not '" + p.file() + "'",
                    "end the file name in " + FileFormat.extensions(FileFormat.Kind.FIGURE));
        }
    }

    /** A study's conditions: its grid's points times its arms. */
    private long conditions() {
        long points = Compiler.studyRuns(1, out.sweeps);
        return out.arms.isEmpty() || points > Compiler.MAX_STUDY_RUNS ? points : points * out.arms.size();
    }

    private List<String> swept() {
        List<String> out = new ArrayList<>();
        for (Program.SweepPlan s : this.out.sweeps) out.add(s.param());
        return out;
    }

    /** A print at the top of a scenario: a value shown after the run. */
    void print(Action.Print pr) {
        out.need(pr.value());
        Typed t = names.exprs.compile(pr.value(), ExprCompiler.Context.AFTER);
        if (t == null) return;
        String name = names.printName(pr);
        if (out.prints.stream().anyMatch(x -> x.source().equals(name))) {
            sink.warning(pr.span(), "a second print called '" + name + "': tables that list prints by name show one of them",
                    "give it a label of its own: print \"NAME\": ...");
        }
        out.prints.add(new Program.PrintPlan(name, t.eval(), t.type(), pr.span()));
    }

    private List<Var> variables(List<Expr> es) {
        List<Var> vars = new ArrayList<>();
        boolean ok = true;
        for (Expr e : es) {
            Var v = e instanceof Expr.Ref r ? Var.find(r.text()) : null;
            if (v == null) {
                List<String> keys = new ArrayList<>();
                for (Var x : Var.values()) keys.add(x.key());
                String text = e instanceof Expr.Ref r ? r.text() : names.sourceText(e);
                String hint = Suggest.hint(text, keys);
                sink.error(e.span(), "'" + text + "' is not a state variable",
                        hint != null ? hint : "for example client.distress or therapist.affect_sharing");
                ok = false;
            } else {
                vars.add(v);
            }
        }
        return ok ? List.copyOf(vars) : null;
    }
}
