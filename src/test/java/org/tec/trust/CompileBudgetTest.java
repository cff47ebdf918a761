package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tec.api.Tec;
import org.tec.api.TecSession;

class CompileBudgetTest {
    static final String SCRIPT = "scenario \"s\" {\n  phase free for 10 min { }\n}\n";

    @Test
    @Timeout(120)
    void aLongLiveLineEvaluates() {
        for (String kind : new String[] {"log", "print", "stmts"}) {
            TecSession s = Tec.builder().build().compile(SCRIPT, "s.tec").session(Map.of());
            StringBuilder sb = new StringBuilder();
            if (kind.equals("log")) { sb.append("log \""); while (sb.length() < 20_000) sb.append('x'); sb.append('"'); }
            if (kind.equals("print")) { sb.append("print max(1, 2)"); while (sb.length() < 20_000) sb.append(" + max(1, 2)"); }
            if (kind.equals("stmts")) { while (sb.length() < 20_000) sb.append("encourage "); }
            long t0 = System.nanoTime();
            try { s.evaluate("<typed>", sb.toString()); } catch (RuntimeException e) { System.err.println(e.getMessage().substring(0, 200)); }
            System.err.println(kind + " " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }
}
