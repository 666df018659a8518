package dev.reelsmith.local.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code reelsmith} command line. */
@Command(name = "reelsmith", mixinStandardHelpOptions = true, version = "reelsmith 0.1.0",
        description = "Song or brief in, finished video out.",
        subcommands = {RunCommand.class, RenderCommand.class, PlanCommand.class, ServeCommand.class, BenchCommand.class, DemoAssetsCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Held so the level sticks: sqlite4java (inside DynamoDB Local) warns "unknown jar version" at every start. */
    private static final java.util.logging.Logger SQLITE = java.util.logging.Logger.getLogger("com.almworks.sqlite4java");

    public static void main(String[] args) {
        SQLITE.setLevel(java.util.logging.Level.OFF);
        System.setProperty("java.awt.headless", "true");
        // DynamoDB Local logs through Log4j 2, whose pattern converters do not survive shading into one jar: its
        // own configuration would print a screen of "Unrecognized conversion specifier" at every start
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "reelsmith-log4j2.xml");
        }
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + ex.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
