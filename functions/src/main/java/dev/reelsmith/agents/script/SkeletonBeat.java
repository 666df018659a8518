package dev.reelsmith.agents.script;

import dev.reelsmith.domain.BeatPurpose;

/**
 * One beat of the structure the script writer computes before it asks the model for words: purpose and timing
 * (the arithmetic the writer owns), the key message the beat must carry, and for songs the section and the lyrics
 * sung during it. Sent to the model as part of the request's context and user prompt.
 *
 * @param index           position from 0
 * @param purpose         what the beat is for
 * @param startSeconds    where it starts
 * @param durationSeconds how long it lasts
 * @param keyMessageIndex the key message it carries, or null
 * @param keyMessage      that message's text, or null
 * @param sectionLabel    the song section, e.g. "chorus 2", or null
 * @param energy          the section's loudness relative to the loudest (0-1), or null for briefs
 * @param lyricLine       lyrics sung during the beat, lines joined with " / ", or null
 */
public record SkeletonBeat(int index, BeatPurpose purpose, double startSeconds, double durationSeconds,
                           Integer keyMessageIndex, String keyMessage, String sectionLabel, Double energy,
                           String lyricLine) {
    /** Where the beat ends. */
    public double endSeconds() {
        return startSeconds + durationSeconds;
    }
}
