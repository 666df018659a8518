package dev.reelsmith.providers.vendors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.TransientVendorException;
import dev.reelsmith.providers.vendors.VendorFixtures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content checks, header readers and job receipts on real bytes. */
class MediaCheckTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] data) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, data);
        return file;
    }

    @Test
    void verify_shouldRecogniseWholeFiles_whenPngMp4AndWavAreComplete() throws Exception {
        // given
        Path png = write("a.png", VendorFixtures.png(64, 32));
        Path mp4 = write("a.mp4", VendorFixtures.mp4(1280, 720, 100));
        Path wav = write("a.wav", VendorFixtures.wav(1));

        // when
        MediaFormat image = MediaCheck.verify("test", png, MediaKind.IMAGE);
        MediaFormat video = MediaCheck.verify("test", mp4, MediaKind.VIDEO);
        MediaFormat audio = MediaCheck.verify("test", wav, MediaKind.AUDIO);

        // then
        assertThat(image).isEqualTo(MediaFormat.PNG);
        assertThat(video).isEqualTo(MediaFormat.MP4);
        assertThat(audio).isEqualTo(MediaFormat.WAV);
    }

    @Test
    void verify_shouldRejectAnErrorPageSavedAsVideo_whenTheBodyIsHtml() throws Exception {
        // given
        Path html = write("a.mp4", "<html><body>Access Denied</body></html>".getBytes(StandardCharsets.UTF_8));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> MediaCheck.verify("test", html, MediaKind.VIDEO),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("not a recognisable video");
    }

    @Test
    void verify_shouldRejectAnImage_whenAVideoWasExpected() throws Exception {
        // given
        Path png = write("a.mp4", VendorFixtures.png(64, 32));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> MediaCheck.verify("test", png, MediaKind.VIDEO),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("expected a video but the delivered file is image/png");
    }

    @Test
    void verify_shouldRejectAnMp4_whenItsLastBoxIsCutShort() throws Exception {
        // given
        byte[] mp4 = VendorFixtures.mp4(1280, 720, 1000);
        Path cut = write("a.mp4", Arrays.copyOf(mp4, mp4.length - 10));

        // when
        TransientVendorException thrown = catchThrowableOfType(() -> MediaCheck.verify("test", cut, MediaKind.VIDEO),
                TransientVendorException.class);

        // then
        assertThat(thrown.getMessage()).contains("the mdat box").contains("truncated");
    }

    @Test
    void videoSize_shouldReadTheTrackHeader_whenTheMp4HasAVideoTrack() throws Exception {
        // given
        Path mp4 = write("a.mp4", VendorFixtures.mp4(960, 540, 10));

        // when
        ImageSize size = Mp4Header.videoSize(mp4).orElseThrow();

        // then
        assertThat(size).isEqualTo(new ImageSize(960, 540));
    }

    @Test
    void imageSize_shouldReadTheHeader_whenTheImageIsAPng() {
        // when
        ImageSize size = ImageSize.of(VendorFixtures.png(300, 200));

        // then
        assertThat(size).isEqualTo(new ImageSize(300, 200));
    }

    @Test
    void find_shouldReturnTheReceiptOnlyForItsJobAndUnchangedFile_whenPolledAgain() throws Exception {
        // given
        Path output = dir.resolve("clip.mp4");
        Delivered delivered = OutputFiles.write("runway", VendorFixtures.mp4(1280, 720, 50), output, MediaKind.VIDEO);
        Cost cost = Cost.of(new BigDecimal("5"), Cost.SECOND, new BigDecimal("0.050"));
        JobReceipt.of("runway", "gen4_turbo", "task-1", delivered, cost).writeFor(output);

        // when
        JobReceipt same = JobReceipt.find(output, "runway", "gen4_turbo", "task-1").orElseThrow();
        boolean otherJob = JobReceipt.find(output, "runway", "gen4_turbo", "task-2").isPresent();
        Files.write(output, VendorFixtures.mp4(1280, 720, 51));
        boolean changedFile = JobReceipt.find(output, "runway", "gen4_turbo", "task-1").isPresent();

        // then
        assertThat(same.cost()).isEqualTo(cost);
        assertThat(same.mimeType()).isEqualTo("video/mp4");
        assertThat(otherJob).isFalse();
        assertThat(changedFile).isFalse();
    }
}
