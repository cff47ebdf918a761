package org.tec.api;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;
import org.tec.api.jsr223.TecScriptEngine;

/** javax.script: a string evaluated for a file (ScriptEngine.FILENAME), or in a folder (tec.folder), imports its neighbours. */
class Jsr223FileNameTest {
    private static final Path BETSY = Path.of("scenarios/erp/betsy-effective.tec");

    @Test
    void aStringEvaluatedForAFileInScenariosErpImportsItsProfile() throws Exception {
        String source = Files.readString(BETSY); // imports "profiles/betsy.tec", relative to scenarios/erp/
        ScriptEngine tec = new ScriptEngineManager().getEngineByName("tec");
        ScriptException without = assertThrows(ScriptException.class, () -> tec.eval(source));
        assertTrue(without.getMessage().contains("profiles/betsy.tec"), without.getMessage());
        tec.getContext().setAttribute(ScriptEngine.FILENAME, "scenarios/erp/my-draft.tec", ScriptContext.ENGINE_SCOPE);
        assertTrue(((TecResult) tec.eval(source)).passed());
    }

    @Test
    void theFolderAttributeDoesTheSameWithoutAFileName() throws Exception {
        ScriptEngine tec = new ScriptEngineManager().getEngineByName("tec");
        tec.getContext().setAttribute(TecScriptEngine.FOLDER, "scenarios/erp", ScriptContext.ENGINE_SCOPE);
        assertTrue(((TecResult) tec.eval(Files.readString(BETSY))).passed());
    }

    @Test
    void theSandboxStillHoldsForTheFilesFolder() throws Exception {
        ScriptEngine tec = new ScriptEngineManager().getEngineByName("tec");
        tec.getContext().setAttribute(ScriptEngine.FILENAME, "scenarios/erp/my-draft.tec", ScriptContext.ENGINE_SCOPE);
        ScriptException e = assertThrows(ScriptException.class,
                () -> tec.eval("import \"../../pom.xml\"\nscenario \"x\" { phase free for 1 min { } }\n"));
        assertTrue(e.getMessage().contains("that this script may read"), e.getMessage());
    }
}
