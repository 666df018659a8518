package dev.reelsmith.local.cli;

import dev.reelsmith.media.ffmpeg.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A one-line progress bar on a terminal, or a line every few seconds when output is redirected (CI logs).
 */
final class ProgressBar implements Consumer<Progress> {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final Duration total;
    private final String label;
    private final boolean interactive;
    private long lastPrint;
    private boolean finished;
    private double lastSpeed;

    ProgressBar(PrintStream out, String label, Duration total) {
        this.out = out;
        this.total = total;
        this.label = label;
        this.interactive = System.console() != null;
    }

    @Override
    public synchronized void accept(Progress p) {
        long now = System.nanoTime();
        if (!p.done() && p.speed() > 0) {
            lastSpeed = p.speed();
        }
        if (!p.done() && !interactive && now - lastPrint < 3_000_000_000L) {
            return;
        }
        if (finished) {
            return;
        }
        lastPrint = now;
        double fraction = p.fractionOf(total);
        Duration at = p.done() ? total : p.outTime();
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String line = String.format(Locale.ROOT, "%s [%s] %3d%%  %s / %s  %.2fx", label, bar,
                Math.round(fraction * 100), clock(at), clock(total), p.done() ? lastSpeed : p.speed());
        if (interactive) {
            out.print("\r" + line);
            if (p.done()) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
        finished = p.done();
    }

    private static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
