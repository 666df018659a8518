package dev.reelsmith.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.agents.ArtifactSchemas;
import dev.reelsmith.agents.CreativePlanner;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.agents.PlanningOutcome;
import dev.reelsmith.agents.SongInput;
import dev.reelsmith.agents.production.BudgetExceededException;
import dev.reelsmith.agents.production.DeadlineExceededException;
import dev.reelsmith.agents.production.NoEligibleToolException;
import dev.reelsmith.agents.storyboard.Storyboard;
import dev.reelsmith.catalog.ToolCatalog;
import dev.reelsmith.domain.Analysis;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.PreferredProviders;
import dev.reelsmith.domain.ProviderPreferences;
import dev.reelsmith.domain.QualityPriority;
import dev.reelsmith.domain.SongSidecar;
import dev.reelsmith.domain.schema.UploadValidator;
import dev.reelsmith.media.analysis.AudioAnalyzer;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.providers.text.local.LocalTextModel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reelsmith plan brief.json|song.wav [--out DIR]}: runs the creative planning chain offline (script
 * writer, shot planner, production planner over the built-in tool catalog, with the deterministic offline text
 * model), prints the storyboard and the cost estimate, and writes {@code script.json}, {@code shots.json},
 * {@code plan.json} and {@code storyboard.md}. A song is analysed first (FFmpeg), with its sidecar
 * {@code <name>.json} read from beside it when present.
 *
 * <p>Exit codes: 0 planned; 2 the brief needs answers first (the questions are printed and written to
 * {@code storyboard.md}); 3 no plan fits the budget or deadline, or no tool can make a shot (the breakdown is
 * printed).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Write the script, shot list and production plan for a brief or a song, offline; print the "
                + "storyboard and the cost estimate.")
final class PlanCommand implements Callable<Integer> {
    private static final List<String> AUDIO = List.of(".wav", ".mp3", ".flac", ".ogg", ".oga", ".opus", ".m4a",
            ".aac", ".aif", ".aiff", ".wma", ".mp4", ".mov", ".webm");

    @Parameters(index = "0", paramLabel = "INPUT",
            description = "a brief (.json) or a song (.wav, .mp3, .flac, .ogg, .m4a, …); a song's sidecar <name>.json "
                    + "beside it is read when present")
    Path input;

    @Option(names = "--out", paramLabel = "DIR",
            description = "where to write script.json, shots.json, plan.json and storyboard.md (default: out/plan/<name>/)")
    Path out;

    @Option(names = "--budget", paramLabel = "USD",
            description = "budget for a song in US dollars (a brief carries its own; default: 0, a free animatic)")
    BigDecimal budget;

    @Option(names = "--quality", paramLabel = "PRIORITY",
            description = "for a song: cost, balanced or quality (default: balanced)")
    String quality;

    @Option(names = "--allow-downgrade",
            description = "for a song: let an over-budget plan use Ken Burns motion instead of generated clips")
    boolean allowDowngrade;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "check tool lifecycles as of this day (default: today)")
    String date;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("input " + input + " does not exist or is not a file");
        }
        String file = input.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String extension = dot < 0 ? "" : file.substring(dot).toLowerCase(Locale.ROOT);
        String name = safeName(dot < 0 ? file : file.substring(0, dot));
        PlanningInput planning;
        if (extension.equals(".json")) {
            if (budget != null || quality != null || allowDowngrade) {
                throw new IllegalArgumentException("--budget, --quality and --allow-downgrade apply to songs; a brief "
                        + "carries budgetUsd and providerPreferences itself");
            }
            planning = PlanningInput.ofBrief(name, new UploadValidator().parseBrief(Files.readAllBytes(input)));
        } else if (AUDIO.contains(extension)) {
            planning = songInput(name);
        } else {
            throw new IllegalArgumentException("input must be a brief (.json) or a song (" + String.join(", ", AUDIO)
                    + "), was " + file);
        }
        Path dir = out != null ? out : Path.of("out", "plan", name);
        Files.createDirectories(dir);
        CreativePlanner planner = new CreativePlanner(new LocalTextModel(), ToolCatalog.builtIn(), clock());
        PlanningOutcome outcome;
        try {
            outcome = planner.plan(planning);
        } catch (BudgetExceededException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(e.breakdown().table());
            return 3;
        } catch (DeadlineExceededException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(e.breakdown().table());
            return 3;
        } catch (NoEligibleToolException e) {
            System.err.println("error: " + e.getMessage());
            return 3;
        }
        write(dir.resolve("script.json"), ArtifactSchemas.SCRIPT, outcome.script());
        if (outcome instanceof PlanningOutcome.NeedsAnswers answers) {
            String page = Storyboard.questions(planning, answers.script());
            Files.writeString(dir.resolve("storyboard.md"), page, StandardCharsets.UTF_8);
            System.out.print(page);
            System.out.println();
            System.out.println("wrote " + dir.resolve("script.json") + " and " + dir.resolve("storyboard.md"));
            return 2;
        }
        PlanningOutcome.Planned planned = (PlanningOutcome.Planned) outcome;
        write(dir.resolve("shots.json"), ArtifactSchemas.SHOTS, planned.shots());
        write(dir.resolve("plan.json"), ArtifactSchemas.PLAN, planned.plan());
        String storyboard = Storyboard.markdown(planning, planned.script(), planned.shots(), planned.plan());
        Files.writeString(dir.resolve("storyboard.md"), storyboard, StandardCharsets.UTF_8);
        System.out.print(storyboard);
        System.out.println();
        System.out.print(Storyboard.costSummary(planned.plan()));
        System.out.println("wrote script.json, shots.json, plan.json and storyboard.md to " + dir.toAbsolutePath());
        return 0;
    }

    private PlanningInput songInput(String name) throws IOException {
        Analysis analysis = new AudioAnalyzer(Ffmpeg.locate()).analyze(input);
        Path sidecarFile = input.resolveSibling(name + ".json");
        SongSidecar sidecar = Files.isRegularFile(sidecarFile)
                ? new UploadValidator().parseSidecar(Files.readAllBytes(sidecarFile)) : null;
        ProviderPreferences preferences = new ProviderPreferences(PreferredProviders.NONE, List.of(), List.of(),
                quality == null ? QualityPriority.BALANCED : QualityPriority.fromLabel(quality), allowDowngrade);
        BigDecimal usd = budget == null ? BigDecimal.ZERO : budget;
        if (usd.signum() < 0 || usd.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("--budget must be a non-negative amount with at most 2 decimals, was "
                    + usd.toPlainString());
        }
        System.err.printf(Locale.ROOT, "analysed %s: %.2f s, %.1f bpm, %d beats, %d sections%s%n", input.getFileName(),
                analysis.durationSeconds(), analysis.tempoBpm(), analysis.beats().size(), analysis.sections().size(),
                sidecar == null ? " (no sidecar)" : " (sidecar " + sidecarFile.getFileName() + ")");
        return PlanningInput.ofSong(name, new SongInput(analysis, sidecar), usd, preferences);
    }

    private Clock clock() {
        if (date == null) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--date must be YYYY-MM-DD, was " + date, e);
        }
    }

    /** Writes an artifact after checking it against its published schema (a failure here is a bug). */
    private static void write(Path file, String schema, Object artifact) throws IOException {
        JsonNode json = Json.mapper().valueToTree(artifact);
        List<String> problems = ArtifactSchemas.validate(schema, json);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(file.getFileName() + " does not match " + schema + ": "
                    + String.join("; ", problems));
        }
        Files.writeString(file, Json.mapper().writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
    }

    /** The input's base name as a run name: letters, digits, '.', '_' and '-' only. */
    private static String safeName(String base) {
        String safe = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return safe.isEmpty() ? "plan" : safe.length() > 100 ? safe.substring(0, 100) : safe;
    }
}
