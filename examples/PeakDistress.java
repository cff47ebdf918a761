import java.nio.file.Path;
import java.util.Map;
import org.tec.api.Tec;
import org.tec.api.TecEngine;
import org.tec.api.TecResult;
import org.tec.api.TecScript;

/** Embedding tec: compile Betsy's session, run it with more affect sharing, read the peak. */
public class PeakDistress {
    public static void main(String[] args) {
        TecEngine engine = Tec.builder().build();
        TecScript betsy = engine.compile(Path.of(args.length > 0 ? args[0] : "scenarios/erp/betsy-effective.tec"));
        TecResult result = betsy.run(Map.of("therapist.affect_sharing", 0.9));
        System.out.println("peak client distress: " + result.measure("peak(client.distress)"));
        System.out.println("exposure completed: " + (result.measure("exposure.completed") == 1));
    }
}
