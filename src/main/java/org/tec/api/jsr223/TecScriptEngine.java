package org.tec.api.jsr223;

import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import org.tec.api.TecDiagnostic;
import org.tec.api.TecEngine;
import org.tec.api.TecException;
import org.tec.api.TecResult;
import org.tec.api.TecScript;

/**
 * tec as a {@code javax.script} engine. {@code eval} compiles and runs a script and returns
 * its {@link TecResult}; numbers in the engine-scope bindings override the script's params
 * (or model parameters by dotted name, {@code therapist.affect_sharing}). Compilable.
 *
 * <p>Where the text stands: {@link ScriptEngine#FILENAME} names the file it is (its imports
 * resolve against that file's folder, as for a file of that name); {@link #FOLDER}, the folder
 * its imports resolve against when it has no file name of its own. With neither, imports
 * resolve against the working directory. The engine is sandboxed: imports stay in that folder.
 */
public final class TecScriptEngine extends AbstractScriptEngine implements Compilable {
    /** The attribute naming the folder a script's imports resolve against, when it has no {@link ScriptEngine#FILENAME}. */
    public static final String FOLDER = "tec.folder";

    private final TecScriptEngineFactory factory;
    private final TecEngine engine;

    TecScriptEngine(TecScriptEngineFactory factory, TecEngine engine) {
        this.factory = factory;
        this.engine = engine;
    }

    @Override
    public Object eval(String script, ScriptContext context) throws ScriptException {
        return compile(script, context.getAttribute(ScriptEngine.FILENAME), context.getAttribute(FOLDER)).eval(context);
    }

    @Override
    public Object eval(Reader reader, ScriptContext context) throws ScriptException {
        return eval(read(reader), context);
    }

    @Override
    public Bindings createBindings() {
        return new SimpleBindings();
    }

    @Override
    public ScriptEngineFactory getFactory() {
        return factory;
    }

    @Override
    public CompiledScript compile(String script) throws ScriptException {
        return compile(script, get(ScriptEngine.FILENAME), get(FOLDER));
    }

    private CompiledScript compile(String script, Object fileName, Object folder) throws ScriptException {
        String name = fileName == null ? "<script>" : fileName.toString();
        try {
            java.nio.file.Path asFile = fileName != null ? java.nio.file.Path.of(name)
                    : folder != null ? java.nio.file.Path.of(folder.toString()).resolve("script.tec") : null;
            return new Compiled(asFile == null ? engine.compile(script, name) : engine.compile(script, asFile), name);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ScriptException("not a file name: " + (fileName != null ? name : folder) + " (" + e.getReason() + ")");
        } catch (TecException e) {
            throw scriptException(e, name);
        }
    }

    /**
     * The exception javax.script expects: for a script's errors, the file, line and column of
     * the first error (an imported file's name if the error is there; an override's name,
     * with no line, if the error is in a binding); else the script's name, with no line.
     */
    private static ScriptException scriptException(TecException e, String name) {
        ScriptException se;
        TecDiagnostic first = null;
        if (e instanceof TecException.Compile c) {
            for (TecDiagnostic d : c.diagnostics()) {
                if (first == null || (d.error() && !first.error())) first = d;
            }
        }
        if (first != null) {
            String file = first.file() == null || first.file().isEmpty() ? name : first.file();
            se = new ScriptException(e.getMessage(), file, first.line() > 0 ? first.line() : -1,
                    first.line() > 0 && first.column() > 0 ? first.column() : -1);
        } else {
            se = new ScriptException(e.report(), name, -1, -1);
        }
        se.initCause(e);
        return se;
    }

    @Override
    public CompiledScript compile(Reader script) throws ScriptException {
        return compile(read(script));
    }

    private static String read(Reader r) throws ScriptException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        try {
            for (int n; (n = r.read(buf)) > 0; ) sb.append(buf, 0, n);
        } catch (IOException e) {
            throw new ScriptException(e);
        }
        return sb.toString();
    }

    private final class Compiled extends CompiledScript {
        private final TecScript script;
        private final String name;

        Compiled(TecScript script, String name) {
            this.script = script;
            this.name = name;
        }

        @Override
        public Object eval(ScriptContext context) throws ScriptException {
            Map<String, Number> overrides = new LinkedHashMap<>();
            Bindings b = context.getBindings(ScriptContext.ENGINE_SCOPE);
            if (b != null) {
                for (Map.Entry<String, Object> e : b.entrySet()) {
                    if (e.getValue() instanceof Number n && !e.getKey().startsWith("javax.script.")) overrides.put(e.getKey(), n);
                }
            }
            try {
                return script.run(overrides);
            } catch (TecException e) {
                throw scriptException(e, name);
            }
        }

        @Override
        public ScriptEngine getEngine() {
            return TecScriptEngine.this;
        }
    }
}
