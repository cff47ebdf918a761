package org.tec.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import org.tec.api.TecProgress;

/**
 * A progress line on stderr for a study's runs, drawn only when stderr is a terminal and not
 * {@code --quiet}: {@code ERP: affect sharing 45% [======     ] 5/11 0:03, 1.7 runs/s, 0:04 left} (rate and time left from the second second on). It is
 * redrawn in place with a carriage return at most five times a second, and erased when the
 * work ends, so whatever the command prints next starts on a clean line.
 *
 * <p>Written here rather than taken from a progress-bar library: the one we used (progressbar
 * 0.10.1) took the terminal over through a JLine older than the REPL's, and in a real terminal
 * everything printed after the bar vanished. This needs only to know whether stderr is a
 * terminal and how wide, which JLine's own terminal provider answers.
 */
final class Progress implements TecProgress, AutoCloseable {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final String task;
    private final boolean quiet;
    private final PrintStream err;
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private String name;
    private long started;
    private long lastDraw;
    private int drawnWidth;
    private int width;

    private Progress(String task, boolean quiet, PrintStream err) {
        this.task = task;
        this.quiet = quiet;
        this.err = err;
    }

    /** {@code task} names the line; null: the scenario's name. */
    static Progress of(String task, boolean quiet) {
        return new Progress(task, quiet, System.err);
    }

    @Override
    public synchronized void start(String scenario, long runs) {
        if (quiet || runs < 2 || !StderrTerminal.IS) return;
        name = task != null ? task : scenario;
        total = runs;
        started = System.nanoTime();
        width = Math.max(40, StderrTerminal.width()); // asked once: it starts a process
        draw(0, started);
    }

    @Override
    public void step() {
        if (total == 0) return;
        long n = done.incrementAndGet();
        long now = System.nanoTime();
        if (n == total || now - lastDraw >= REDRAW_NANOS) {
            synchronized (this) {
                if (total != 0) draw(n, now);
            }
        }
    }

    private void draw(long n, long now) {
        lastDraw = now;
        String count = " " + n + "/" + total + " " + clock((now - started) / 1_000_000_000L) + rate(n, now);
        int pct = (int) (100 * n / total);
        // the widest line (100%, total/total, a long time, a high rate) decides the room for the name and the bar
        String widest = " " + total + "/" + total + " 999:59, 99999 runs/s, 999:59 left";
        int room = width - " 100% [".length() - 20 - 1 - widest.length() - 1;
        String shown = room < 8 ? "" : name.length() <= room ? name : name.substring(0, room - 3) + "...";
        String head = (shown.isEmpty() ? "" : shown + " ") + String.format(java.util.Locale.ROOT, "%3d%% [", pct);
        int barWidth = Math.max(10, width - (shown.isEmpty() ? 0 : shown.length() + 1) - " 100% [".length() - widest.length() - 2);
        int filled = (int) (barWidth * n / total);
        String line = head + "=".repeat(filled) + " ".repeat(barWidth - filled) + "]" + count;
        if (line.length() >= width) line = line.substring(0, width - 1);
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        err.flush();
        drawnWidth = line.length();
    }

    /** {@code m:ss}. */
    static String clock(long secs) {
        return String.format(java.util.Locale.ROOT, "%d:%02d", secs / 60, secs % 60);
    }

    /**
     * {@code , 1234 runs/s, 0:42 left}: the runs per second since the start and the time the
     * runs left take at that rate; nothing in the first second (too few runs to say).
     */
    private String rate(long n, long now) {
        return rate(n, total, now - started);
    }

    static String rate(long n, long total, long nanos) {
        if (nanos < 1_000_000_000L || n == 0) return "";
        double perSecond = n * 1e9 / nanos;
        String r = perSecond >= 100 ? String.valueOf(Math.round(perSecond)) : org.tec.text.Numbers.plain(Math.round(perSecond * 10) / 10.0);
        return ", " + r + " runs/s" + (n < total ? ", " + clock(Math.round((total - n) / perSecond)) + " left" : "");
    }

    /** Erases the line, so the report that follows starts at the left margin. */
    @Override
    public synchronized void close() {
        if (total == 0) return;
        total = 0;
        err.print("\r" + " ".repeat(drawnWidth) + "\r");
        err.flush();
    }

    /** Whether stderr is a terminal, asked once of JLine's terminal provider (loaded once); never on a dumb terminal. */
    private static final class StderrTerminal {
        private static final TerminalProvider PROVIDER = load();
        static final boolean IS = probe();

        private static TerminalProvider load() {
            try {
                return TerminalProvider.load("exec");
            } catch (java.io.IOException | RuntimeException | LinkageError e) {
                return null; // no way to tell: draw nothing rather than garble a log
            }
        }

        private static boolean probe() {
            if ("dumb".equals(System.getenv("TERM")) || PROVIDER == null) return false;
            try {
                return PROVIDER.isSystemStream(SystemStream.Error);
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        static int width() {
            try {
                int w = PROVIDER == null ? 0 : PROVIDER.systemStreamWidth(SystemStream.Error);
                if (w > 0) return w;
            } catch (RuntimeException | LinkageError e) {
                // fall through to $COLUMNS
            }
            try {
                return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80"));
            } catch (NumberFormatException e) {
                return 80;
            }
        }
    }
}
