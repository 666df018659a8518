package dev.reelsmith.domain;

import java.util.List;

/**
 * What a music team may say about a song, uploaded as {@code songs/<name>.json} beside {@code songs/<name>.mp3}
 * (the format is published as {@code schemas/song-sidecar.schema.json}). Every field is optional; a null style
 * becomes {@link SongStyle#DEFAULT}.
 *
 * <p>Lyrics are plain text, or LRC as soon as one line starts with a {@code [mm:ss} timestamp; LRC is parsed
 * here so that a malformed line is rejected at upload with its line number, not discovered mid-run.
 *
 * @param title  the song's title (1-200 characters), or null
 * @param artist the performing artist (1-200 characters), or null
 * @param mood   how the song feels (1-100 characters), or null
 * @param genre  the song's genre (1-100 characters), or null
 * @param lyrics plain or LRC lyrics (up to 20,000 characters), or null
 * @param style  visual direction for the whole video
 */
public record SongSidecar(String title, String artist, String mood, String genre, String lyrics, SongStyle style) {
    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_ARTIST_LENGTH = 200;
    public static final int MAX_MOOD_LENGTH = 100;
    public static final int MAX_GENRE_LENGTH = 100;
    public static final int MAX_LYRICS_LENGTH = 20_000;

    public SongSidecar {
        FieldRules rules = FieldRules.root();
        rules.optionalText("title", title, MAX_TITLE_LENGTH);
        rules.optionalText("artist", artist, MAX_ARTIST_LENGTH);
        rules.optionalText("mood", mood, MAX_MOOD_LENGTH);
        rules.optionalText("genre", genre, MAX_GENRE_LENGTH);
        rules.optionalText("lyrics", lyrics, MAX_LYRICS_LENGTH);
        if (lyrics != null && Lrc.looksLikeLrc(lyrics)) {
            Lrc.parse(lyrics);
        }
        style = style == null ? SongStyle.DEFAULT : style;
    }

    /** Whether the lyrics carry timestamps (LRC). */
    public boolean hasTimedLyrics() {
        return lyrics != null && Lrc.looksLikeLrc(lyrics);
    }

    /** The LRC lyrics as sorted, timed lines; empty when there are no lyrics or they are plain text. */
    public List<LyricLine> timedLyrics() {
        return hasTimedLyrics() ? Lrc.parse(lyrics) : List.of();
    }
}
