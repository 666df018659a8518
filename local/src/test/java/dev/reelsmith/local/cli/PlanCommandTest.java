package dev.reelsmith.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.agents.ArtifactSchemas;
import dev.reelsmith.domain.Json;
import dev.reelsmith.providers.MusicJob;
import dev.reelsmith.providers.MusicRequest;
import dev.reelsmith.providers.local.SynthMusicModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlanCommandTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private static int plan(String... args) {
        return new CommandLine(new PlanCommand()).execute(args);
    }

    private static JsonNode read(Path file) throws Exception {
        return Json.mapper().readTree(file.toFile());
    }

    @Test
    void plan_shouldWriteTheThreeArtifactsAndPrintTheStoryboard_whenGivenABrief(@TempDir Path dir) throws Exception {
        // when
        int exit = plan(EXAMPLES.resolve("briefs/sneaker-ad.json").toString(), "--out", dir.toString(), "--date",
                "2026-11-22");

        // then
        assertThat(exit).isZero();
        assertThat(ArtifactSchemas.validate(ArtifactSchemas.SCRIPT, read(dir.resolve("script.json")))).isEmpty();
        assertThat(ArtifactSchemas.validate(ArtifactSchemas.SHOTS, read(dir.resolve("shots.json")))).isEmpty();
        assertThat(ArtifactSchemas.validate(ArtifactSchemas.PLAN, read(dir.resolve("plan.json")))).isEmpty();
        assertThat(Files.readString(dir.resolve("storyboard.md"))).startsWith("# Stride One launch, 15 s vertical");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("## Shot list", "Estimated cost $", "of $25.00 budget", "wrote script.json");
    }

    @Test
    void plan_shouldPrintTheQuestionsAndExitWithTwo_whenTheBriefHasNoProduct(@TempDir Path dir) throws Exception {
        // when
        int exit = plan(EXAMPLES.resolve("briefs/missing-product.json").toString(), "--out", dir.toString());

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1. What product or service is this ad for?");
        assertThat(read(dir.resolve("script.json")).path("clarifyingQuestions")).hasSize(3);
        assertThat(dir.resolve("shots.json")).doesNotExist();
    }

    @Test
    void plan_shouldAnalyseTheSongAndReadItsSidecar_whenGivenAudio(@TempDir Path dir) throws Exception {
        // given: a synthesised song with the demo sidecar beside it
        Path song = dir.resolve("neon.wav");
        SynthMusicModel synth = new SynthMusicModel();
        MusicJob job = synth.start(new MusicRequest("synthwave", "driving", 120, 20, 3, song));
        synth.poll(job);
        Files.copy(EXAMPLES.resolve("songs/demo-song.json"), dir.resolve("neon.json"));
        Path target = dir.resolve("out");

        // when
        int exit = plan(song.toString(), "--out", target.toString(), "--date", "2026-11-22");

        // then
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("analysed neon.wav", "(sidecar neon.json)");
        JsonNode plan = read(target.resolve("plan.json"));
        assertThat(plan.path("mode").asText()).isEqualTo("animatic");
        assertThat(plan.path("kind").asText()).isEqualTo("music-video");
        assertThat(read(target.resolve("shots.json")).path("shots").get(0).path("continuity").path("seed").asLong())
                .isEqualTo(1985);
    }

    @Test
    void plan_shouldPrintTheBreakdownAndExitWithThree_whenNoPlanFitsTheBudget(@TempDir Path dir) throws Exception {
        // given
        Path song = dir.resolve("short.wav");
        SynthMusicModel synth = new SynthMusicModel();
        MusicJob job = synth.start(new MusicRequest("electronic", "driving", 128, 12, 5, song));
        synth.poll(job);

        // when
        int exit = plan(song.toString(), "--out", dir.resolve("out").toString(), "--budget", "0.05", "--date",
                "2026-11-22");

        // then
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: the cheapest plan that generates every shot",
                "total");
    }
}
