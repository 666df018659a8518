package dev.reelsmith.providers;

import java.nio.file.Path;

/**
 * A music bed to generate for a brief that has no song of its own: the genre and mood from the brief, a
 * tempo the shot planner snaps cuts to, and the exact length of the video.
 *
 * @param genre           free text such as {@code "synthwave"} or {@code "lo-fi hip hop"}; providers map it
 *                        to what they offer; never blank
 * @param mood            e.g. {@code "hopeful"}; null when the brief gives none
 * @param tempoBpm        beats per minute, 40–240; null lets the provider use the genre's usual tempo
 * @param durationSeconds length of the bed, 1–600; providers that cannot hit it exactly trim or pad
 * @param seed            for providers that can repeat a result
 * @param output          where the finished audio file is written when the job succeeds
 */
public record MusicRequest(String genre, String mood, Integer tempoBpm, double durationSeconds, long seed,
                           Path output) {
    public MusicRequest {
        Checks.notBlank(genre, "genre");
        mood = Checks.blankToNull(mood);
        if (tempoBpm != null) {
            Checks.between(tempoBpm, 40, 240, "tempoBpm");
        }
        Checks.between(durationSeconds, 1, 600, "durationSeconds");
        Checks.notNull(output, "output");
    }
}
