package dev.reelsmith.media.edit;

import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.agents.SongInput;
import dev.reelsmith.domain.Analysis;
import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.Beat;
import dev.reelsmith.domain.BeatPurpose;
import dev.reelsmith.domain.BrandKit;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.CallToAction;
import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.ContinuityAnchors;
import dev.reelsmith.domain.Lens;
import dev.reelsmith.domain.Lighting;
import dev.reelsmith.domain.PlanMode;
import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.QualityPriority;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.Section;
import dev.reelsmith.domain.Shot;
import dev.reelsmith.domain.ShotImportance;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.ShotProduction;
import dev.reelsmith.domain.ShotType;
import dev.reelsmith.domain.SongSidecar;
import dev.reelsmith.domain.SongStyle;
import dev.reelsmith.domain.ToolChoice;
import dev.reelsmith.domain.ToolKind;
import dev.reelsmith.domain.Transition;
import dev.reelsmith.domain.VideoKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Plans, scripts and shot lists small enough to reason about in a test. */
final class EditFixtures {
    private static final ContinuityAnchors ANCHORS = new ContinuityAnchors(7, null, null, null);
    private static final ToolChoice STILL = new ToolChoice("local-still", "local", "still", ToolKind.IMAGE,
            BigDecimal.ONE, "image", BigDecimal.ZERO, BigDecimal.ZERO, 1, true);
    private static final ToolChoice KEN_BURNS = new ToolChoice("local-kenburns", "local", "kenburns", ToolKind.VIDEO,
            BigDecimal.ONE, "second", BigDecimal.ZERO, BigDecimal.ZERO, 1, true);

    private EditFixtures() {
    }

    static Brief brief(int seconds, String title, CallToAction cta, BrandKit brand) {
        return new Brief(VideoKind.AD, title, null, List.of("Light as air"), null, null, seconds,
                List.of(AspectRatio.PORTRAIT), cta, brand, null, null, null, null, null, null);
    }

    static PlanningInput ad(Brief brief) {
        return PlanningInput.ofBrief("sneaker-ad", brief);
    }

    /**
     * An ad script with beats between {@code bounds} (0, b1, …, end) and the given on-screen texts (null for
     * none), the last beat a call to action.
     */
    static Script adScript(double target, double[] bounds, String... onScreen) {
        BeatPurpose[] purposes = {BeatPurpose.HOOK, BeatPurpose.PROBLEM, BeatPurpose.SOLUTION, BeatPurpose.BENEFIT,
                BeatPurpose.PROOF, BeatPurpose.OFFER};
        List<Beat> beats = new ArrayList<>();
        int n = bounds.length - 1;
        for (int i = 0; i < n; i++) {
            BeatPurpose purpose = i == n - 1 ? BeatPurpose.CTA : purposes[i % purposes.length];
            beats.add(new Beat(i, purpose, bounds[i], bounds[i + 1] - bounds[i], null,
                    i < onScreen.length ? onScreen[i] : null, null, "A runner at dawn.", "energy", null, null));
        }
        return new Script(VideoKind.AD, target, beats, List.of());
    }

    /** A music-video script: one beat per section of {@code bounds}. */
    static Script songScript(double target, double[] bounds) {
        List<Beat> beats = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.length; i++) {
            beats.add(new Beat(i, i == 0 ? BeatPurpose.INTRO : BeatPurpose.VERSE, bounds[i], bounds[i + 1] - bounds[i],
                    null, null, null, "Neon streets at night.", "longing", null, null));
        }
        return new Script(VideoKind.MUSIC_VIDEO, target, beats, List.of());
    }

    /** Shots s01, s02, … cut at {@code bounds} (0, c1, …, end), belonging to the script's beats by start time. */
    static ShotList shotList(Script script, AspectRatio aspect, double[] bounds, Transition... transitions) {
        List<Shot> shots = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.length; i++) {
            Transition t = i < transitions.length ? transitions[i] : Transition.CUT;
            shots.add(shot(i, beatAt(script, bounds[i]), bounds[i], bounds[i + 1] - bounds[i], CameraMovement.STATIC, t));
        }
        return new ShotList(script.kind(), aspect, bounds[bounds.length - 1], shots);
    }

    static Shot shot(int index, int beat, double start, double duration, CameraMovement move, Transition t) {
        return new Shot(id(index), beat, index, start, duration, ShotType.MEDIUM, move, Lens.WIDE_35,
                Lighting.GOLDEN_HOUR, "rule of thirds", "A runner mid-stride.", "A runner mid-stride at dawn.", null,
                ANCHORS, null, t);
    }

    /** The same shot list with one shot's camera movement replaced. */
    static ShotList withMove(ShotList list, String id, CameraMovement move) {
        List<Shot> shots = new ArrayList<>();
        for (Shot s : list.shots()) {
            shots.add(!s.id().equals(id) ? s : new Shot(s.id(), s.beatIndex(), s.index(), s.startSeconds(),
                    s.durationSeconds(), s.shotType(), move, s.lens(), s.lighting(), s.composition(), s.description(),
                    s.keyframePrompt(), s.negativePrompt(), s.continuity(), s.onScreenText(), s.transitionIn()));
        }
        return new ShotList(list.kind(), list.aspectRatio(), list.durationSeconds(), shots);
    }

    static String id(int index) {
        return String.format("s%02d", index + 1);
    }

    private static int beatAt(Script script, double t) {
        int beat = 0;
        for (Beat b : script.beats()) {
            if (b.startSeconds() <= t + 1e-9) {
                beat = b.index();
            }
        }
        return beat;
    }

    /** A still for every shot, {@code /media/<id>.png}. */
    static List<ShotMedia> stills(ShotList list) {
        return list.shots().stream().map(s -> ShotMedia.still(s.id(), "/media/" + s.id() + ".png")).toList();
    }

    /** {@code media} with the entry for {@code replacement}'s shot swapped. */
    static List<ShotMedia> replace(List<ShotMedia> media, ShotMedia replacement) {
        return media.stream().map(m -> m.shotId().equals(replacement.shotId()) ? replacement : m).toList();
    }

    /** A song analysis with a steady pulse at {@code bpm} from {@code firstBeat}, in 4/4, one section. */
    static Analysis analysis(double seconds, double bpm, double firstBeat) {
        List<Double> beats = new ArrayList<>();
        List<Double> downbeats = new ArrayList<>();
        double period = 60.0 / bpm;
        for (int i = 0; firstBeat + i * period < seconds; i++) {
            double t = Math.round((firstBeat + i * period) * 1000) / 1000.0;
            beats.add(t);
            if (i % 4 == 0) {
                downbeats.add(t);
            }
        }
        return new Analysis(seconds, 22050, 2, -9.5, 6, -0.8, bpm, beats, downbeats, 4,
                List.of(new Section(Section.Label.VERSE, 0, seconds, 1)));
    }

    static PlanningInput song(Analysis analysis, SongSidecar sidecar, AspectRatio aspect) {
        SongSidecar withShape = new SongSidecar(sidecar.title(), sidecar.artist(), sidecar.mood(), sidecar.genre(),
                sidecar.lyrics(), new SongStyle(null, null, List.of(aspect), null));
        return PlanningInput.ofSong("neon-tide", new SongInput(analysis, withShape), BigDecimal.ZERO, null);
    }

    static SongSidecar sidecar(String title, String artist, String lyrics) {
        return new SongSidecar(title, artist, null, null, lyrics, null);
    }

    /** A free production plan in which the shots with the given ids are hero shots. */
    static ProductionPlan plan(ShotList list, String... heroes) {
        List<String> hero = Arrays.asList(heroes);
        List<ShotProduction> shots = new ArrayList<>();
        for (Shot s : list.shots()) {
            shots.add(new ShotProduction(s.id(), s.index(), s.durationSeconds(),
                    hero.contains(s.id()) ? ShotImportance.HERO : ShotImportance.STANDARD, STILL, KEN_BURNS,
                    BigDecimal.ZERO, 2, "Free local tools.", List.of()));
        }
        return new ProductionPlan("Stride One", list.kind(), list.aspectRatio(), QualityPriority.BALANCED,
                BigDecimal.ZERO, BigDecimal.ZERO, 1, null, "2026-01-15", PlanMode.ANIMATIC, shots, List.of(),
                List.of(), List.of());
    }
}
