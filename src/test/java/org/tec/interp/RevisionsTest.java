package org.tec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.api.Tec;
import org.tec.api.TecEngine;
import org.tec.api.TecException;
import org.tec.api.TecPhase;
import org.tec.api.TecResult;
import org.tec.api.TecScript;
import org.tec.api.TecVerdict;
import org.tec.diag.Diagnostics;
import org.tec.diag.SourceSet;
import org.tec.lang.Parsing;
import org.tec.lang.ast.Item;

/**
 * Named triggers and their counts, and replace, extend and remove by name: what each does to
 * the scenario it revises (through an import, as a user writes it), and each misuse an error
 * at the name with a suggestion.
 */
class RevisionsTest {
    private static final TecEngine ENGINE = Tec.builder().sandbox(false).build();
    private static final String PROFILE = Path.of("scenarios/erp/profiles/betsy.tec").toAbsolutePath().toString();

    /** A base session to revise: Betsy and the ineffective therapist, three phases, a named trigger in the exposure and one at the top. */
    private static final String BASE = "import \"" + PROFILE + "\"\n" + """
            therapist { affect_sharing 0.85 mentalizing 0.4 proximal_concern 0.8 distal_concern 0.4 tolerance 60 fatigue 0.1 }
            phase psychoeducation for 10 min { }
            phase exposure for 15 min intensity 0.9 {
              when client.distress > 80 as urge: encourage
            }
            phase celebrate for 5 min { }
            at 2 min as hello: log "hello"
            policy hold_exposure off
            """;

    private static TecScript compile(String body) {
        return ENGINE.compile("scenario \"x\" {\n" + BASE + body + "\n}\n", "x.tec");
    }

    private static String error(String body) {
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> compile(body));
        return e.getMessage();
    }

    private static List<String> phases(TecScript s) {
        List<String> out = new ArrayList<>();
        for (TecPhase p : s.phases()) out.add(p.name() + " " + p.duration());
        return out;
    }

    @Test
    void replacePhaseTakesThePlaceOfTheOldOneAndTheLastReplacementWins() {
        TecScript s = compile("""
                replace phase exposure for 5 min intensity 0.5 { }
                replace phase exposure for 6 min intensity 0.5 { }
                """);
        assertEquals(List.of("psychoeducation 10.0", "exposure 6.0", "celebrate 5.0"), phases(s));
        // the replaced exposure's trigger went with it
        assertEquals(0, s.run().measure("count(encourage)"), 0);
    }

    @Test
    void extendAddsToThePhasesBodyAndRemoveTakesAPhaseOut() {
        TecScript s = compile("""
                extend phase exposure { at start as turn_down: regulate affect_sharing down to 0.25 over 1 min }
                remove phase celebrate
                """);
        assertEquals(List.of("psychoeducation 10.0", "exposure 15.0"), phases(s));
        TecResult r = s.run();
        assertEquals(1, r.measure("count(trigger turn_down)"), 0);
        assertEquals(10, r.measure("first(trigger turn_down)"), 1e-9);
        assertTrue(r.measure("exposure.completed") > 0, "turning affect sharing down keeps the exposure going");
        assertFalse(compile("").run().measure("exposure.completed") > 0, "as written, the exposure ends early");
    }

    @Test
    void aTriggerIsReplacedWhereItWasAndRemovedByName() {
        TecResult r = compile("""
                replace when client.distress > 60 once as urge: log "urge"
                remove trigger hello
                """).run();
        assertEquals(1, r.measure("count(trigger urge)"), 0);
        assertEquals(1, r.measure("count(trigger urge during exposure)"), 0, "it stayed in the exposure");
        assertEquals(0, r.measure("count(encourage)"), 0, "the old trigger is gone");
        long logs = r.events().stream().filter(e -> e.kind().equals("log")).count();
        assertEquals(1, logs, "hello was removed; the new urge logs once");
    }

    @Test
    void aGoalIsReplacedInPlaceAndRemovedByName() {
        TecResult r = compile("""
                goal "first": true
                goal "second": true
                goal "third": true
                replace goal "first": false
                remove goal "second"
                """).run();
        List<String> goals = new ArrayList<>();
        for (TecVerdict v : r.goals()) goals.add(v.name() + "=" + v.passed());
        assertEquals(List.of("first=false", "third=true"), goals);
    }

    @Test
    void triggerCountsAgreeWithTheEventsTheTriggerLeaves() {
        TecResult r = compile("""
                when client.distress > 30 as above: log "above"
                print count(trigger above)
                """).run();
        List<Double> times = new ArrayList<>();
        r.events().stream().filter(e -> e.kind().equals("log") && e.message().contains("above")).forEach(e -> times.add(e.time()));
        assertFalse(times.isEmpty());
        assertEquals(times.size(), r.measure("count(trigger above)"), 0);
        assertEquals(times.get(0), r.measure("first(trigger above)"), 1e-9);
        assertEquals(times.get(times.size() - 1), r.measure("last(trigger above)"), 1e-9);
        assertEquals(0, r.measure("count(trigger above during psychoeducation)"), 0);
        assertEquals(Double.NaN, r.measure("first(trigger above during psychoeducation)"), 0, "a time that never came");
        assertEquals(1, r.measure("count(trigger hello)"), 0);
        assertEquals(2, r.measure("first(trigger hello)"), 1e-9);
    }

    @Test
    void aNameThatDoesNotExistIsAnErrorAtTheNameWithASuggestion() {
        String e = error("replace phase exposur for 5 min { }");
        assertTrue(e.contains("x.tec:11:15: error: no phase 'exposur' to replace"), e);
        assertTrue(e.contains("did you mean 'exposure'?"), e);
        e = error("extend phase celebrat { }");
        assertTrue(e.contains("no phase 'celebrat' to extend") && e.contains("did you mean 'celebrate'?"), e);
        e = error("remove trigger helo");
        assertTrue(e.contains("x.tec:11:16: error: no trigger 'helo' to remove") && e.contains("did you mean 'hello'?"), e);
        e = error("replace at 1 min as urg: encourage");
        assertTrue(e.contains("no trigger 'urg' to replace") && e.contains("did you mean 'urge'?"), e);
        e = error("goal \"calm\": true\n  replace goal \"clam\": false");
        assertTrue(e.contains("no goal \"clam\" to replace") && e.contains("did you mean 'calm'?"), e);
        e = error("remove goal \"anything\"");
        assertTrue(e.contains("no goal \"anything\" to remove") && e.contains("nothing before this statement declares a goal"), e);
        e = error("print count(trigger urg)");
        assertTrue(e.contains("x.tec:11:21: error: no trigger is named 'urg'") && e.contains("did you mean 'urge'?"), e);
        e = error("print peak(trigger urge)");
        assertTrue(e.contains("'peak' does not take a trigger"), e);
    }

    @Test
    void aRevisionNamesOnlyWhatCameBefore() {
        String e = error("remove phase later\n  phase support later for 1 min { }");
        assertTrue(e.contains("no phase 'later' to remove"), e);
    }

    @Test
    void triggerNamesAreUniqueAndNotPhaseNames() {
        String e = error("when t > 1 min as hello: encourage");
        assertTrue(e.contains("x.tec:11:19: error: a second trigger named 'hello' (the first is at x.tec:9:13)"), e);
        e = error("at 1 min as celebrate: log \"x\"");
        assertTrue(e.contains("'celebrate' is already the name of a phase (at x.tec:8:7)"), e);
        // two unnamed exposures answer to 'exposure' together: which one to change must be said
        e = error("phase exposure for 1 min { }\n  extend phase exposure { }");
        assertTrue(e.contains("'exposure' names 2 phases, so it is not clear which to extend"), e);
    }

    @Test
    void aPolicyIsReplacedByTheLastWordThroughAnImport(@TempDir Path dir) throws IOException {
        // the imported session lets the ineffective therapist end the exposure; the importing one does not
        Files.writeString(dir.resolve("base.tec"), "scenario \"base\" {\n" + BASE + "}\n", StandardCharsets.UTF_8);
        Path revised = dir.resolve("revised.tec");
        Files.writeString(revised, "scenario \"revised\" {\n  import \"base.tec\"\n  policy hold_exposure on\n}\n", StandardCharsets.UTF_8);
        TecEngine engine = Tec.builder().sandbox(false).build();
        assertFalse(engine.compile(dir.resolve("base.tec")).run().measure("exposure.completed") > 0);
        assertTrue(engine.compile(revised).run().measure("exposure.completed") > 0);
    }

    @Test
    void revisionsThroughAnImportPointIntoTheFileThatWroteThem(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("base.tec"), "scenario \"base\" {\n" + BASE + "}\n", StandardCharsets.UTF_8);
        Path revised = dir.resolve("revised.tec");
        Files.writeString(revised, "scenario \"revised\" {\n  import \"base.tec\"\n  extend phase exposur { }\n}\n",
                StandardCharsets.UTF_8);
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> Tec.builder().sandbox(false).build().compile(revised));
        assertTrue(e.getMessage().contains("revised.tec:3:16: error: no phase 'exposur' to extend"), e.getMessage());
    }

    @Test
    void aGoalRevisionStaysWithItsScenarioAsTheGoalsDo(@TempDir Path dir) throws IOException {
        // b revises its own goal; c imports b and gets b's plan, not b's goals nor their revisions
        Files.writeString(dir.resolve("b.tec"), "scenario \"b\" {\n" + BASE
                + "goal \"g\": false\nreplace goal \"g\": true\nextend phase celebrate { validate }\n}\n", StandardCharsets.UTF_8);
        Path c = dir.resolve("c.tec");
        Files.writeString(c, "scenario \"c\" {\n  import \"b.tec\"\n  print count(validate)\n}\n", StandardCharsets.UTF_8);
        TecEngine engine = Tec.builder().sandbox(false).build();
        assertTrue(engine.compile(dir.resolve("b.tec")).run().goals().get(0).passed());
        TecResult r = engine.compile(c).run();
        assertTrue(r.goals().isEmpty());
        assertTrue(r.measure("count(validate)") >= 1, "the extend of the plan came along");
    }

    @Test
    void anArmMayReviseTheBaseAndCountATriggerOnlyItAdds() {
        // the arm's extend is applied where the arm is compiled, after the base's items; the
        // check every arm shares counts the arm's trigger, which fires 0 times in the other arm
        TecScript s = compile("""
                replicate 2
                arm "as usual" { }
                arm "turned down" {
                  extend phase exposure { at start as turn_down: regulate affect_sharing down to 0.25 over 1 min }
                  remove trigger hello
                }
                print count(trigger turn_down)
                expect proportion(count(trigger turn_down) == 1 in "turned down") == 1
                expect proportion(count(trigger turn_down) == 0 in "as usual") == 1
                expect proportion(exposure.completed in "turned down") == 1
                expect proportion(exposure.completed in "as usual") == 0
                """);
        TecResult r = s.run();
        assertTrue(r.passed(), r.expectations().toString());
    }

    @Test
    void anArmMayNotReviseAGoal() {
        String e = error("replicate 2\n  goal \"g\": true\n  arm \"a\" { }\n  arm \"b\" { replace goal \"g\": false }");
        assertTrue(e.contains("'goal' in an arm: an arm changes the session, and what the study measures is the same in every arm"), e);
        e = error("replicate 2\n  goal \"g\": true\n  arm \"a\" { }\n  arm \"b\" { remove goal \"g\" }");
        assertTrue(e.contains("'goal' in an arm"), e);
    }

    /** The base's items with its import left out (imports are expanded by the loader, before this). */
    private static List<Item> base(Diagnostics sink) {
        List<Item> out = new ArrayList<>(Parsing.parse("base.tec", BASE, sink));
        out.removeIf(i -> i instanceof Item.Import);
        return out;
    }

    /** The lead's study arms: a base's items followed by an arm's own, each from its own file, lowered as one Loaded. */
    @Test
    void aLoadedBuiltFromTwoListsIsRevisedWhereItIsCompiled() {
        Diagnostics sink = new Diagnostics();
        List<Item> items = base(sink);
        items.addAll(Parsing.parse("arm.tec", "replace phase exposure for 4 min intensity 0.9 { }\nremove phase celebrat\n", sink));
        Compiler.Loaded arm = new Compiler.Loaded("arm", "arm.tec", List.copyOf(items), true, false, items.get(0).span());
        Program p = new Compiler(sink, new SourceSet(), null).compile(arm, Map.of());
        assertEquals(null, p);
        String all = sink.all().toString();
        assertTrue(all.contains("arm.tec:2:14") && all.contains("no phase 'celebrat' to remove"), all);

        Diagnostics ok = new Diagnostics();
        List<Item> good = base(ok);
        good.addAll(Parsing.parse("arm.tec", "replace phase exposure for 4 min intensity 0.9 { }\n", ok));
        Program q = new Compiler(ok, new SourceSet(), null).compile(
                new Compiler.Loaded("arm", "arm.tec", List.copyOf(good), true, false, good.get(0).span()), Map.of());
        assertFalse(ok.hasErrors(), ok.all().toString());
        assertEquals(4, q.phases().get(1).duration(), 0);
        assertEquals("arm.tec", q.phases().get(1).span().file(), "the replacement keeps the span of the file that wrote it");
    }
}
