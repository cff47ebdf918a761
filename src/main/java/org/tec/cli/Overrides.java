package org.tec.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** {@code --set NAME=VALUE} values, parsed as numbers (durations in minutes). */
final class Overrides {
    private Overrides() {}

    static Map<String, Double> parse(Map<String, String> raw, CommandLine cl) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (raw == null) return out;
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String v = e.getValue().trim();
            double factor = 1;
            if (v.endsWith("min")) v = v.substring(0, v.length() - 3).trim();
            else if (v.endsWith("h")) { v = v.substring(0, v.length() - 1).trim(); factor = 60; }
            else if (v.endsWith("s")) { v = v.substring(0, v.length() - 1).trim(); factor = 1 / 60.0; }
            try {
                double d = Double.parseDouble(v) * factor;
                if (!Double.isFinite(d)) throw new NumberFormatException();
                out.put(e.getKey(), d);
            } catch (NumberFormatException ex) {
                throw new CommandLine.ParameterException(cl, "--set " + e.getKey() + "=" + e.getValue()
                        + ": the value must be a number (durations in minutes, or with s, min or h)");
            }
        }
        return out;
    }
}
