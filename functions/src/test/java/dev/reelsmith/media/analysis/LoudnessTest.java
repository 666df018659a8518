package dev.reelsmith.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelsmith.domain.Analysis;
import org.junit.jupiter.api.Test;

class LoudnessTest {
    /** The tail of what ffmpeg 7.1 logs for {@code -af ebur128=peak=true} (one frame line kept). */
    private static final String LOG = """
            [Parsed_ebur128_0 @ 0x7f9a90001d00] t: 9.999979   TARGET:-23 LUFS    M: -38.1 S: -38.1     I: -38.1 LUFS \
                  LRA:   0.0 LU  FTPK: -38.1 -38.1 dBFS  TPK: -38.1 -38.1 dBFS
            [Parsed_ebur128_0 @ 0x7f9a90001d00] Summary:

              Integrated loudness:
                I:         -14.3 LUFS
                Threshold: -24.6 LUFS

              Loudness range:
                LRA:         6.2 LU
                Threshold: -34.5 LUFS
                LRA low:   -18.1 LUFS
                LRA high:  -11.9 LUFS

              True peak:
                Peak:        0.4 dBFS
            [out#0/null @ 0x55c229216780] video:0KiB audio:1875KiB subtitle:0KiB other streams:0KiB
            """;

    @Test
    void fromEbur128Log_shouldReadTheSummary_whenLogHasFrameLinesBeforeIt() {
        // when
        Loudness loudness = Loudness.fromEbur128Log(LOG);

        // then
        assertThat(loudness).isEqualTo(new Loudness(-14.3, 6.2, 0.4));
    }

    @Test
    void fromEbur128Log_shouldReportSilenceFloors_whenPeakIsMinusInfinity() {
        // given
        String log = LOG.replace("-14.3 LUFS", "-70.0 LUFS").replace("0.4 dBFS", "-inf dBFS");

        // when
        Loudness loudness = Loudness.fromEbur128Log(log);

        // then
        assertThat(loudness.integratedLufs()).isEqualTo(Analysis.SILENCE_LUFS);
        assertThat(loudness.truePeakDbtp()).isEqualTo(Analysis.SILENCE_DBTP);
    }

    @Test
    void fromEbur128Log_shouldFail_whenThereIsNoSummary() {
        // when / then
        assertThatThrownBy(() -> Loudness.fromEbur128Log("Input #0, wav, from 'x.wav':"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ffmpeg's log has no ebur128 summary");
    }
}
