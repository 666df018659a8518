package dev.reelsmith.layer;

import dev.reelsmith.layer.elf.ElfMachine;
import dev.reelsmith.layer.elf.ElfStubWriter;
import dev.reelsmith.layer.elf.StubLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BytedecoJarTest {

    private static Path jar(Path dir, Map<String, byte[]> entries) throws IOException {
        Path jar = dir.resolve("ffmpeg-test.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static byte[] someElf() {
        return ElfStubWriter.write(new StubLibrary("libsome.so.1", ElfMachine.X86_64, List.of(), List.of()));
    }

    @Test
    void read_shouldTakeTheNativeFilesButNotTheJniBindings() throws IOException {
        // given
        Path jar = BuiltLayer.jar(Architecture.X86_64);

        // when
        BytedecoJar source = BytedecoJar.read(jar, Architecture.X86_64);

        // then
        assertThat(source.platform()).isEqualTo("linux-x86_64-gpl");
        assertThat(source.files()).containsKeys("ffmpeg", "ffprobe", "libavcodec.so.61", "libdrm.so.2");
        assertThat(source.files().keySet()).noneMatch(name -> name.startsWith("libjni"));
    }

    @Test
    void read_shouldExplain_whenTheJarDoesNotExist(@TempDir Path dir) {
        // given
        Path missing = dir.resolve("ffmpeg-7.1-1.5.11-linux-x86_64-gpl.jar");

        // when / then
        assertThatThrownBy(() -> BytedecoJar.read(missing, Architecture.X86_64))
                .isInstanceOf(LayerBuildException.class)
                .hasMessage("FFmpeg jar for x86_64 not found: " + missing + " (expected org.bytedeco:ffmpeg with "
                        + "classifier linux-x86_64-gpl in the local Maven repository; run the build once online, "
                        + "or check the --jar argument)");
    }

    @Test
    void read_shouldExplain_whenTheJarIsNotThePlatformJar(@TempDir Path dir) throws IOException {
        // given the Java API jar, which has classes but no binaries
        Path jar = jar(dir, Map.of("org/bytedeco/ffmpeg/avutil.class", new byte[] {(byte) 0xca, (byte) 0xfe}));

        // when / then
        assertThatThrownBy(() -> BytedecoJar.read(jar, Architecture.ARM64))
                .isInstanceOf(LayerBuildException.class)
                .hasMessage(jar + " has no org/bytedeco/ffmpeg/linux-arm64*/ffmpeg; expected the bytedeco platform "
                        + "jar with classifier linux-arm64-gpl");
    }

    @Test
    void read_shouldExplain_whenFfprobeIsMissing(@TempDir Path dir) throws IOException {
        // given
        Path jar = jar(dir, Map.of("org/bytedeco/ffmpeg/linux-x86_64-gpl/ffmpeg", someElf()));

        // when / then
        assertThatThrownBy(() -> BytedecoJar.read(jar, Architecture.X86_64))
                .isInstanceOf(LayerBuildException.class)
                .hasMessage(jar + " has no org/bytedeco/ffmpeg/linux-x86_64-gpl/ffprobe; found [ffmpeg]");
    }

    @Test
    void read_shouldExplain_whenTheFileIsNotAJar(@TempDir Path dir) throws IOException {
        // given
        Path jar = Files.writeString(dir.resolve("ffmpeg.jar"), "<html>404</html>", StandardCharsets.US_ASCII);

        // when / then
        assertThatThrownBy(() -> BytedecoJar.read(jar, Architecture.X86_64))
                .isInstanceOf(LayerBuildException.class)
                .hasMessageStartingWith(jar + " is not a readable jar: ");
    }
}
