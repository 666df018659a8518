package dev.reelsmith.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {

    @TempDir
    Path dir;

    @Test
    void encodePcm16_shouldWriteCanonicalHeader_forStereo44100() {
        // given
        float[] left = new float[100];
        float[] right = new float[100];

        // when
        byte[] wav = WavWriter.encodePcm16(44_100, left, right);

        // then
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(36 + 400);
        assertThat(new String(wav, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
        assertThat(header.getInt(16)).isEqualTo(16);
        assertThat(header.getShort(20)).isEqualTo((short) 1);
        assertThat(header.getShort(22)).isEqualTo((short) 2);
        assertThat(header.getInt(24)).isEqualTo(44_100);
        assertThat(header.getInt(28)).isEqualTo(44_100 * 4);
        assertThat(header.getShort(32)).isEqualTo((short) 4);
        assertThat(header.getShort(34)).isEqualTo((short) 16);
        assertThat(new String(wav, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
        assertThat(header.getInt(40)).isEqualTo(400);
        assertThat(wav).hasSize(444);
    }

    @Test
    void encodePcm16_shouldRoundAndClampSamples_soJavaSoundReadsThemBack() throws Exception {
        // given
        float[] mono = {0f, 0.5f, -0.5f, 1f, -1f, 2f, -3f, Float.NaN};

        // when
        byte[] wav = WavWriter.encodePcm16(8000, mono);

        // then
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = in.getFormat();
            assertThat(format.getChannels()).isEqualTo(1);
            assertThat(format.getSampleRate()).isEqualTo(8000f);
            assertThat(in.getFrameLength()).isEqualTo(8);
            ByteBuffer samples = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            short[] values = new short[8];
            for (int i = 0; i < 8; i++) {
                values[i] = samples.getShort();
            }
            assertThat(values).containsExactly(0, 16384, -16384, 32767, -32767, 32767, -32767, 0);
        }
    }

    @Test
    void writePcm16_shouldCreateParentsAndReplaceExistingFile() throws Exception {
        // given
        Path target = dir.resolve("nested/bed.wav");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");

        // when
        WavWriter.writePcm16(target, 22_050, new float[] {0.25f, -0.25f});

        // then
        assertThat(Files.size(target)).isEqualTo(48);
        assertThat(Files.list(target.getParent())).containsExactly(target);
    }

    @Test
    void encodePcm16_shouldRejectChannelsOfDifferentLength_withExactMessage() {
        assertThatThrownBy(() -> WavWriter.encodePcm16(44_100, new float[10], new float[9]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("every channel must have 10 samples, channel 1 has 9");
    }

    @Test
    void encodePcm16_shouldRejectUnusualSampleRate_withExactMessage() {
        assertThatThrownBy(() -> WavWriter.encodePcm16(1000, new float[10]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sampleRate must be between 8000 and 192000, was 1000");
    }
}
