package dev.reelsmith.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SongSidecarTest {
    @Test
    void constructor_shouldRejectUpload_whenLrcLineIsMalformed() {
        // given
        String lyrics = "[00:01.00]one\n[00:0x.00]two";

        // when / then
        assertThatThrownBy(() -> new SongSidecar("Song", null, null, null, lyrics, null))
                .isInstanceOf(LrcFormatException.class)
                .hasMessage("lyrics line 2: malformed timestamp [00:0x.00], expected [mm:ss], [mm:ss.xx] or [mm:ss.xxx]");
    }

    @Test
    void timedLyrics_shouldBeEmpty_whenLyricsArePlainText() {
        // given
        SongSidecar sidecar = new SongSidecar("Song", "Artist", "calm", "folk", "First line\n[Chorus]\nSecond line", null);

        // when / then
        assertThat(sidecar.hasTimedLyrics()).isFalse();
        assertThat(sidecar.timedLyrics()).isEmpty();
        assertThat(sidecar.lyrics()).isEqualTo("First line\n[Chorus]\nSecond line");
    }

    @Test
    void constructor_shouldApplyStyleDefaults_whenStyleIsMissing() {
        // given / when
        SongSidecar sidecar = new SongSidecar(null, null, null, null, null, null);

        // then
        assertThat(sidecar.style()).isEqualTo(SongStyle.DEFAULT);
        assertThat(sidecar.style().primaryAspectRatio()).isEqualTo(AspectRatio.LANDSCAPE);
        assertThat(sidecar.style().keywords()).isEmpty();
        assertThat(sidecar.style().seed()).isNull();
    }

    @Test
    void songStyle_shouldRejectSeed_whenAboveUnsigned32Bits() {
        // given / when / then
        assertThatThrownBy(() -> new SongStyle(null, null, null, 4_294_967_296L))
                .hasMessage("style.seed must be between 0 and 4294967295, was 4294967296");
    }

    @Test
    void songStyle_shouldRejectEmptyAspectRatios_whenListIsGivenButEmpty() {
        // given / when / then
        assertThatThrownBy(() -> new SongStyle(null, null, List.of(), null))
                .hasMessage("style.aspectRatios must not be empty; the first aspect ratio is the primary one");
    }

    @Test
    void lyricLine_shouldRejectEnd_whenItIsNotAfterStart() {
        // given / when / then
        assertThatThrownBy(() -> new LyricLine(4.0, 4.0, "x"))
                .hasMessage("lyric line at 4.0 s: endSeconds must be after startSeconds 4.0, was 4.0");
    }

    @Test
    void json_shouldRoundTripUnchanged_whenSidecarHasLrcAndStyle() throws Exception {
        // given
        SongSidecar sidecar = new SongSidecar("Neon Tide", "Reelsmith Demo", "hopeful", "synthwave",
                "[ar:Reelsmith Demo]\n[00:04.00]City lights 🎬\n[00:08.00]",
                new SongStyle(List.of("neon", "VHS grain"), List.of("#FF2E97"), List.of(AspectRatio.PORTRAIT), 1985L));

        // when
        String json = Json.mapper().writeValueAsString(sidecar);
        SongSidecar parsed = Json.mapper().readValue(json, SongSidecar.class);

        // then
        assertThat(parsed).isEqualTo(sidecar);
        assertThat(Json.mapper().writeValueAsString(parsed)).isEqualTo(json);
        assertThat(json).doesNotContain("timedLyrics", "hasTimedLyrics", "primaryAspectRatio");
        assertThat(parsed.timedLyrics()).containsExactly(new LyricLine(4.0, 8.0, "City lights 🎬"));
    }
}
