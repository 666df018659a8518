package dev.reelsmith.local.cli;

import dev.reelsmith.local.asl.bench.EngineBenchmark;
import dev.reelsmith.local.asl.definition.QueryLanguage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reelsmith bench engine}: ASL engine overhead, 1,000 executions of a 10-state machine with no-op tasks. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "State transitions per second and p99 transition latency of the local ASL engine.")
final class EngineBenchCommand implements Callable<Integer> {
    @Option(names = "--executions", defaultValue = "1000", description = "executions to run (default: ${DEFAULT-VALUE})")
    int executions;

    @Option(names = "--concurrency", defaultValue = "8", description = "executions in flight (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--query-language", defaultValue = "JSONata", description = "JSONata or JSONPath (default: ${DEFAULT-VALUE})")
    QueryLanguage language;

    @Override
    public Integer call() throws Exception {
        if (executions < 1 || executions > 1_000_000) {
            throw new IllegalArgumentException("--executions must be between 1 and 1000000, was " + executions);
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("--concurrency must be between 1 and 256, was " + concurrency);
        }
        System.out.print(EngineBenchmark.run(executions, concurrency, language).report());
        return 0;
    }
}
