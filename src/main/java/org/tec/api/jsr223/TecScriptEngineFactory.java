package org.tec.api.jsr223;

import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import org.tec.api.Tec;

/** The {@code javax.script} factory for tec: name {@code tec}, extension {@code tec}. */
public final class TecScriptEngineFactory implements ScriptEngineFactory {
    private static final String NAME = "tec";

    // the language and its one engine share a name and a version
    @Override public String getEngineName() { return NAME; }
    @Override public String getEngineVersion() { return Tec.version(); }
    @Override public List<String> getExtensions() { return List.of(NAME); }
    @Override public String getLanguageName() { return NAME; }
    @Override public List<String> getMimeTypes() { return List.of("text/x-tec"); }
    @Override public String getLanguageVersion() { return Tec.version(); }
    @Override public List<String> getNames() { return List.of(NAME, "Tec"); }

    @Override
    public Object getParameter(String key) {
        return switch (key) {
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.NAME -> NAME;
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            case "THREADING" -> "MULTITHREADED";
            default -> null;
        };
    }

    @Override
    public String getMethodCallSyntax(String obj, String m, String... args) {
        throw new UnsupportedOperationException("tec scripts have no methods");
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        return "print " + toDisplay;
    }

    @Override
    public String getProgram(String... statements) {
        return "scenario \"program\" {\n  " + String.join("\n  ", statements) + "\n}\n";
    }

    @Override
    public ScriptEngine getScriptEngine() {
        return new TecScriptEngine(this, Tec.builder().build());
    }
}
