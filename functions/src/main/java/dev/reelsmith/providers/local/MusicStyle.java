package dev.reelsmith.providers.local;

import java.util.List;
import java.util.Locale;

/**
 * How the synthesiser plays one genre: default tempo, swing, one bar of drum, bass and chord patterns on a
 * 16-step grid, the voices, the chord progressions, and the mix (sidechain pumping, reverb, delay).
 *
 * <p>Patterns are 16 characters, one per sixteenth note: {@code X} accented hit, {@code x} hit, {@code o}
 * ghost (quiet) hit, {@code .} rest. Kicks always land on beats (four-on-the-floor for EDM, synthwave and
 * ambient; beats 1 and 3 with the snare on 2 and 4 for pop, rock, lo-fi and hip-hop), with the accent on the
 * bar's first beat, so a beat tracker finds the tempo and the downbeats.
 */
record MusicStyle(
        String name,
        int defaultBpm,
        double swing,
        String kick,
        String snare,
        boolean clap,
        String hats,
        String openHats,
        KickVoice kickVoice,
        String bass,
        BassVoice bassVoice,
        String chords,
        ChordVoice chordVoice,
        LeadVoice lead,
        List<Chord> major,
        List<Chord> minor,
        boolean minorByDefault,
        double sidechain,
        double reverb,
        double delay,
        boolean vinyl) {

    /** A chord as semitones above the key's tonic plus the intervals of its notes above the chord root. */
    record Chord(int root, int... intervals) {
    }

    enum KickVoice { PUNCHY, BOOM, SOFT, DEEP }

    enum BassVoice { SAW_PLUCK, SUB, ROUND, DRIVE, EIGHT_O_EIGHT }

    enum ChordVoice { SAW_PAD, ELECTRIC_PIANO, PLUCK, POWER, SUPERSAW, AIR_PAD }

    enum LeadVoice { ARP_SIXTEENTHS, ARP_EIGHTHS, BELL, NONE }

    private static final int[] MAJ = {0, 4, 7};
    private static final int[] MIN = {0, 3, 7};
    private static final int[] MAJ7 = {0, 4, 7, 11};
    private static final int[] MIN7 = {0, 3, 7, 10};
    private static final int[] DOM7 = {0, 4, 7, 10};
    private static final int[] SUS2 = {0, 2, 7};
    private static final int[] ADD9 = {0, 4, 7, 14};
    private static final int[] MADD9 = {0, 3, 7, 14};
    private static final int[] FIFTH = {0, 7, 12};

    static final MusicStyle SYNTHWAVE = new MusicStyle("synthwave", 100, 0,
            "X...x...x...x...", "....X.......X...", false, "x.x.x.x.x.x.x.x.", "................", KickVoice.PUNCHY,
            "xxxxxxxxxxxxxxxx", BassVoice.SAW_PLUCK, "x...............", ChordVoice.SAW_PAD, LeadVoice.ARP_SIXTEENTHS,
            List.of(chord(0, MAJ), chord(9, MIN), chord(5, MAJ), chord(7, MAJ)),
            List.of(chord(0, MIN), chord(8, MAJ), chord(3, MAJ), chord(10, MAJ)), true,
            0.35, 0.3, 0.3, false);

    static final MusicStyle LOFI = new MusicStyle("lofi", 80, 0.3,
            "X.......x.......", "....X.......X...", false, "o.o.o.o.o.o.o.o.", "................", KickVoice.SOFT,
            "x.......x.....x.", BassVoice.SUB, "x...............", ChordVoice.ELECTRIC_PIANO, LeadVoice.NONE,
            List.of(chord(2, MIN7), chord(7, DOM7), chord(0, MAJ7), chord(9, MIN7)),
            List.of(chord(0, MIN7), chord(5, MIN7), chord(8, MAJ7), chord(7, MIN7)), false,
            0, 0.25, 0.2, true);

    static final MusicStyle POP = new MusicStyle("pop", 118, 0,
            "X.......x.......", "....X.......X...", true, "x.x.x.x.x.x.x.x.", "................", KickVoice.PUNCHY,
            "x.x.x.x.x.x.x.x.", BassVoice.ROUND, "x...x...x...x...", ChordVoice.PLUCK, LeadVoice.ARP_EIGHTHS,
            List.of(chord(0, MAJ), chord(7, MAJ), chord(9, MIN), chord(5, MAJ)),
            List.of(chord(0, MIN), chord(8, MAJ), chord(3, MAJ), chord(10, MAJ)), false,
            0.1, 0.18, 0.15, false);

    static final MusicStyle ROCK = new MusicStyle("rock", 124, 0,
            "X.......x.......", "....X.......X...", false, "x.x.x.x.x.x.x.x.", "................", KickVoice.PUNCHY,
            "x.x.x.x.x.x.x.x.", BassVoice.DRIVE, "x.x.x.x.x.x.x.x.", ChordVoice.POWER, LeadVoice.NONE,
            List.of(chord(0, FIFTH), chord(10, FIFTH), chord(5, FIFTH), chord(0, FIFTH)),
            List.of(chord(0, FIFTH), chord(8, FIFTH), chord(10, FIFTH), chord(7, FIFTH)), false,
            0, 0.15, 0, false);

    static final MusicStyle AMBIENT = new MusicStyle("ambient", 72, 0,
            "X...x...x...x...", "................", false, "o.o.o.o.o.o.o.o.", "................", KickVoice.BOOM,
            "x...............", BassVoice.SUB, "x...............", ChordVoice.AIR_PAD, LeadVoice.BELL,
            List.of(chord(0, ADD9), chord(5, MAJ7), chord(9, MIN7), chord(7, SUS2)),
            List.of(chord(0, MADD9), chord(8, MAJ7), chord(3, ADD9), chord(10, SUS2)), true,
            0, 0.55, 0.35, false);

    static final MusicStyle HIP_HOP = new MusicStyle("hip-hop", 90, 0.22,
            "X.......x.......", "....X.......X...", true, "o.o.o.o.o.o.o.o.", "................", KickVoice.DEEP,
            "x.......x.......", BassVoice.EIGHT_O_EIGHT, "x.......x.......", ChordVoice.ELECTRIC_PIANO,
            LeadVoice.NONE,
            List.of(chord(0, MAJ7), chord(9, MIN7), chord(2, MIN7), chord(7, DOM7)),
            List.of(chord(0, MIN7), chord(5, MIN7), chord(8, MAJ7), chord(7, MIN7)), true,
            0, 0.15, 0.12, false);

    static final MusicStyle EDM = new MusicStyle("edm", 128, 0,
            "X...x...x...x...", "....X.......X...", true, "x.x.x.x.x.x.x.x.", "..x...x...x...x.", KickVoice.PUNCHY,
            "..x...x...x...x.", BassVoice.SAW_PLUCK, "x..x..x...x..x..", ChordVoice.SUPERSAW,
            LeadVoice.ARP_SIXTEENTHS,
            List.of(chord(9, MIN), chord(5, MAJ), chord(0, MAJ), chord(7, MAJ)),
            List.of(chord(0, MIN), chord(8, MAJ), chord(3, MAJ), chord(10, MAJ)), false,
            0.6, 0.2, 0.2, false);

    static final List<MusicStyle> ALL = List.of(SYNTHWAVE, LOFI, POP, ROCK, AMBIENT, HIP_HOP, EDM);

    /**
     * The style for a free-text genre: the first family whose keyword appears in it, checked in this order so
     * compound names resolve sensibly ("lo-fi hip hop" is lo-fi, "synthpop" is synthwave):
     * lo-fi (lofi, chillhop, jazzhop, study), hip-hop (hiphop, rap, trap, boombap), synthwave (synthwave,
     * retrowave, outrun, vaporwave, 80s, synth), EDM (edm, house, techno, trance, dance, electro, dubstep,
     * drum and bass), ambient (ambient, cinematic, orchestral, soundtrack, score, epic, drone), rock (rock,
     * punk, metal, grunge, guitar), pop (pop, indie, acoustic, corporate, funk, soul). Anything else plays as
     * pop, the most neutral bed.
     */
    static MusicStyle forGenre(String genre) {
        String key = genre.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (containsAny(key, "lofi", "chillhop", "jazzhop", "study")) {
            return LOFI;
        }
        if (containsAny(key, "hiphop", "rap", "trap", "boombap")) {
            return HIP_HOP;
        }
        if (containsAny(key, "synthwave", "retrowave", "outrun", "vaporwave", "80s", "synth")) {
            return SYNTHWAVE;
        }
        if (containsAny(key, "edm", "house", "techno", "trance", "dance", "electro", "dubstep", "drumandbass", "dnb")) {
            return EDM;
        }
        if (containsAny(key, "ambient", "cinematic", "orchestral", "soundtrack", "score", "epic", "drone")) {
            return AMBIENT;
        }
        if (containsAny(key, "rock", "punk", "metal", "grunge", "guitar")) {
            return ROCK;
        }
        return POP;
    }

    /**
     * Minor progressions for moods that ask for them (dark, sad, tense, …), major for bright ones (happy,
     * hopeful, …); otherwise the style's own default.
     */
    boolean minorFor(String mood) {
        if (mood != null) {
            String m = mood.toLowerCase(Locale.ROOT);
            if (containsAny(m, "dark", "sad", "tense", "moody", "melanchol", "mysterious", "dramatic", "ominous",
                    "somber", "sombre", "gritty", "noir", "epic")) {
                return true;
            }
            if (containsAny(m, "happy", "hopeful", "uplifting", "joyful", "bright", "cheerful", "optimistic",
                    "playful", "fun", "inspiring", "sunny")) {
                return false;
            }
        }
        return minorByDefault;
    }

    private static boolean containsAny(String text, String... words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Chord chord(int root, int[] intervals) {
        return new Chord(root, intervals);
    }
}
