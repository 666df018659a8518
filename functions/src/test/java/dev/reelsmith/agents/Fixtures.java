package dev.reelsmith.agents;

import dev.reelsmith.domain.Analysis;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.ProviderPreferences;
import dev.reelsmith.domain.Section;
import dev.reelsmith.domain.SongSidecar;
import dev.reelsmith.domain.schema.UploadValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared inputs for the planning tests: the example briefs and song sidecar from {@code examples/}, analyses with
 * realistic beat grids (slightly uneven, as a tracker reports them) and sections whose boundaries are a little off
 * the downbeats (as a section detector reports them), and the day the catalog facts were checked.
 */
public final class Fixtures {
    public static final Path EXAMPLES = Path.of("..", "examples");
    /** The day VENDORS.md was compiled: Veo 3.1 on Vertex is past its retirement, Nova is end of life. */
    public static final Clock CATALOG_DAY = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    private static final UploadValidator VALIDATOR = new UploadValidator();

    private Fixtures() {
    }

    public static Brief brief(String name) {
        return VALIDATOR.parseBrief(read(EXAMPLES.resolve("briefs").resolve(name + ".json")));
    }

    public static PlanningInput briefInput(String name) {
        return PlanningInput.ofBrief(name, brief(name));
    }

    public static SongSidecar demoSidecar() {
        return VALIDATOR.parseSidecar(read(EXAMPLES.resolve("songs").resolve("demo-song.json")));
    }

    /** The demo song as the analyzer would see it: 44 s at 120 bpm, intro, verse, chorus, bridge, chorus, outro. */
    public static Analysis demoAnalysis() {
        return analysis(44, 120, 0.02, List.of(
                new Part(Section.Label.INTRO, 4.1, 0.45),
                new Part(Section.Label.VERSE, 19.9, 0.6),
                new Part(Section.Label.CHORUS, 28.15, 1.0),
                new Part(Section.Label.BRIDGE, 31.9, 0.5),
                new Part(Section.Label.CHORUS, 40.1, 0.95),
                new Part(Section.Label.OUTRO, 44, 0.35)));
    }

    public static PlanningInput demoSongInput(BigDecimal budget) {
        return PlanningInput.ofSong("demo-song", new SongInput(demoAnalysis(), demoSidecar()), budget,
                ProviderPreferences.DEFAULT);
    }

    /** A ten-minute song at 96 bpm with a long verse/chorus structure and an instrumental break. */
    public static Analysis tenMinuteAnalysis() {
        List<Part> parts = new ArrayList<>();
        double bar = 4 * 60.0 / 96;
        double t = 0;
        parts.add(new Part(Section.Label.INTRO, t += 8 * bar + 0.13, 0.4));
        Section.Label[] cycle = {Section.Label.VERSE, Section.Label.CHORUS, Section.Label.VERSE, Section.Label.CHORUS,
                Section.Label.BRIDGE, Section.Label.INSTRUMENTAL};
        int[] bars = {16, 12, 16, 12, 8, 16};
        double[] energy = {0.6, 0.95, 0.62, 1.0, 0.5, 0.75};
        int i = 0;
        while (t < 600 - 40 * bar) {
            int k = i % cycle.length;
            t += bars[k] * bar + (i % 2 == 0 ? -0.11 : 0.09);
            parts.add(new Part(cycle[k], t, energy[k]));
            i++;
        }
        parts.add(new Part(Section.Label.OUTRO, 600, 0.3));
        return analysis(600, 96, 0.35, parts);
    }

    /** A section ending at {@code endSeconds}. */
    public record Part(Section.Label label, double endSeconds, double energy) {
    }

    /**
     * An analysis with beats every {@code 60/bpm} s from {@code firstBeat}, each nudged by up to ±8 ms the way a
     * tracker places them, a downbeat every four beats, and sections ending where the parts say.
     */
    public static Analysis analysis(double duration, double bpm, double firstBeat, List<Part> parts) {
        List<Double> beats = new ArrayList<>();
        List<Double> downbeats = new ArrayList<>();
        double period = 60.0 / bpm;
        for (int i = 0; firstBeat + i * period <= duration - 0.05; i++) {
            double jitter = ((i * 7919) % 17 - 8) / 1000.0;
            double beat = Math.round((firstBeat + i * period + jitter) * 1000) / 1000.0;
            beats.add(Math.max(0, beat));
            if (i % 4 == 0) {
                downbeats.add(beats.get(beats.size() - 1));
            }
        }
        List<Section> sections = new ArrayList<>();
        double start = 0;
        for (Part part : parts) {
            sections.add(new Section(part.label(), start, part.endSeconds(), part.energy()));
            start = part.endSeconds();
        }
        return new Analysis(duration, 22050, 2, -9.5, 6.2, -0.8, bpm, beats, downbeats, 4, sections);
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
