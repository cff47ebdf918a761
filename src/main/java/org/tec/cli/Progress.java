package org.tec.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.tec.api.TecProgress;

/** A progress bar on stderr for a study's runs, only when stderr is a terminal and not --quiet. */
final class Progress implements TecProgress, AutoCloseable {
    private final String task;
    private final boolean quiet;
    private volatile ProgressBar bar;

    /** {@code task} names the bar; null: the scenario's name. */
    Progress(String task, boolean quiet) {
        this.task = task;
        this.quiet = quiet;
    }

    @Override
    public void start(String scenario, long total) {
        if (quiet || total < 2 || total > Integer.MAX_VALUE || System.console() == null) return;
        bar = new ProgressBarBuilder().setTaskName(task != null ? task : scenario).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(200).build();
    }

    @Override
    public void step() {
        ProgressBar b = bar;
        if (b != null) b.step();
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
        bar = null;
    }
}
