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

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // DynamoDB Local logs through Log4j 2, whose pattern converters do not survive shading into one jar: its
        // own configuration would print a screen of "Unrecognized conversion specifier" at every start
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "reelsmith-log4j2.xml");
        }
        if (System.getProperty("log4j2.StatusLogger.level") == null) {
            // DynamoDB Local reconfigures Log4j programmatically and the status logger reports it as an error
            System.setProperty("log4j2.StatusLogger.level", "OFF");
            System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
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
