package org.tec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** tec's version, as the build stamps it into the jar (a fixed fallback when run from classes), and its commit. */
public final class Version {
    private Version() {}

    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-dev";
    }

    /**
     * The git commit the build was made from ({@code e34164c}, {@code -dirty} after it when the
     * checkout had uncommitted changes), from the {@code git.properties} the build writes;
     * {@code unknown} for a build outside a git checkout.
     */
    public static String commit() {
        try (InputStream in = Version.class.getResourceAsStream("git.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String id = p.getProperty("git.commit.id.abbrev", "").strip();
            if (id.isEmpty()) return "unknown";
            return id + ("true".equals(p.getProperty("git.dirty")) ? "-dirty" : "");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
