package dev.reelsmith.local.cli;

import picocli.CommandLine.Command;

/** {@code reelsmith bench …}: benchmarks that print ratios (not tests: shared machines are noisy). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its numbers.",
        subcommands = {RenderBenchmark.class, EngineBenchCommand.class, PipelineBenchCommand.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
