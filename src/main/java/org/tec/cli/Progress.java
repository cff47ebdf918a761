package org.tec.cli;

import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.tec.api.TecProgress;

/** A progress bar on stderr for a study's runs, only when stderr is a terminal and not --quiet. */
record Progress(String task, boolean quiet, AtomicReference<ProgressBar> bar) implements TecProgress, AutoCloseable {
    /** {@code task} names the bar; null: the scenario's name. */
    static Progress of(String task, boolean quiet) {
        return new Progress(task, quiet, new AtomicReference<>());
    }

    @Override
    public void start(String scenario, long total) {
        if (quiet || total < 2 || total > Integer.MAX_VALUE || System.console() == null) return;
        bar.set(new ProgressBarBuilder().setTaskName(task != null ? task : scenario).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(200).build());
    }

    @Override
    public void step() {
        ProgressBar b = bar.get();
        if (b != null) b.step();
    }

    @Override
    public void close() {
        ProgressBar b = bar.getAndSet(null);
        if (b != null) b.close();
    }
}
