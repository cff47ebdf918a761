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
import org.tec.api.TecEngine;
import org.tec.api.TecException;
import org.tec.api.TecResult;
import org.tec.api.TecScript;

/**
 * tec as a {@code javax.script} engine. {@code eval} compiles and runs a script and returns
 * its {@link TecResult}; numbers in the engine-scope bindings override the script's params
 * (or model parameters by dotted name, {@code therapist.affect_sharing}). Compilable.
 */
public final class TecScriptEngine extends AbstractScriptEngine implements Compilable {
    private final TecScriptEngineFactory factory;
    private final TecEngine engine;

    TecScriptEngine(TecScriptEngineFactory factory, TecEngine engine) {
        this.factory = factory;
        this.engine = engine;
    }

    @Override
    public Object eval(String script, ScriptContext context) throws ScriptException {
        return compile(script).eval(context);
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
        Object name = get(ScriptEngine.FILENAME);
        try {
            TecScript compiled = engine.compile(script, name == null ? "<script>" : name.toString());
            return new Compiled(compiled);
        } catch (TecException.Compile e) {
            ScriptException se = new ScriptException(e.getMessage(), name == null ? "<script>" : name.toString(),
                    e.diagnostics().isEmpty() ? -1 : e.diagnostics().get(0).line(),
                    e.diagnostics().isEmpty() ? -1 : e.diagnostics().get(0).column());
            se.initCause(e);
            throw se;
        }
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

        Compiled(TecScript script) {
            this.script = script;
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
                ScriptException se = new ScriptException(e.getMessage());
                se.initCause(e);
                throw se;
            }
        }

        @Override
        public ScriptEngine getEngine() {
            return TecScriptEngine.this;
        }
    }
}
