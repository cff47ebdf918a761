package org.tec.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tec.api.TecFormat;
import org.tec.bench.LongScript;

/** The benchmark's 1,000-line script is what it says: 1,000 lines, no diagnostics, formatted (no timing here). */
class LongScriptTest {
    @Test
    void theBenchmarksScriptIsAThousandCleanLines() {
        String text = LongScript.of(1000);
        assertEquals(1000, text.split("\n", -1).length - 1);
        TecLanguageServer server = TecLanguageServer.forEditors();
        String uri = Path.of("scenarios/erp/long.tec").toAbsolutePath().toUri().toString();
        assertEquals(List.of(), server.diagnose(uri, text));
        assertEquals(text, TecFormat.format(text, "long.tec").formatted());
    }
}
