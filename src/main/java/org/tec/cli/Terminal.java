package org.tec.cli;

/** Whether stdout is an interactive terminal (for colour). */
final class Terminal {
    private Terminal() {}

    static boolean interactive() {
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }
}
