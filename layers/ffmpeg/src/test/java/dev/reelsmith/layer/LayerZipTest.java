package dev.reelsmith.layer;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LayerZipTest {

    private static List<ZipArchiveEntry> entries(Path zip) throws IOException {
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            return Collections.list(file.getEntries());
        }
    }

    private static Path tree(Path root, long modifiedMillis) throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        for (String name : List.of("libz.so.1", "ffmpeg", "libavutil.so.59")) {
            Path file = Files.writeString(bin.resolve(name), "content of " + name);
            Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
        }
        Files.writeString(root.resolve("MANIFEST.txt"), "not part of the zip");
        return root;
    }

    @Test
    void write_shouldSortEntriesAndRecordMode0755AndOneFixedTime(@TempDir Path dir) throws IOException {
        // given
        Path root = tree(dir.resolve("tree"), 1_700_000_000_000L);
        Path zip = dir.resolve("layer.zip");

        // when
        LayerZip.write(root, "bin", zip);

        // then
        List<ZipArchiveEntry> entries = entries(zip);
        assertThat(entries).extracting(ZipArchiveEntry::getName)
                .containsExactly("bin/", "bin/ffmpeg", "bin/libavutil.so.59", "bin/libz.so.1");
        assertThat(entries.get(0).getUnixMode()).isEqualTo(040755);
        assertThat(entries.subList(1, 4)).allSatisfy(e -> {
            assertThat(e.getUnixMode()).isEqualTo(0100755);
            assertThat(e.getPlatform()).isEqualTo(ZipArchiveEntry.PLATFORM_UNIX);
        });
        assertThat(entries).extracting(ZipArchiveEntry::getTime).containsOnly(entries.get(0).getTime());
    }

    @Test
    void write_shouldProduceIdenticalBytes_whenTheSameContentHasOtherTimestamps(@TempDir Path dir) throws IOException {
        // given
        Path first = tree(dir.resolve("first"), 1_600_000_000_000L);
        Path second = tree(dir.resolve("second"), 1_700_000_000_000L);

        // when
        LayerZip.write(first, "bin", dir.resolve("first.zip"));
        LayerZip.write(second, "bin", dir.resolve("second.zip"));

        // then
        assertThat(Files.readAllBytes(dir.resolve("first.zip"))).isEqualTo(Files.readAllBytes(dir.resolve("second.zip")));
    }

    @Test
    void builtLayerZip_shouldHoldExactlyTheBinFolderWithModesLambdaKeeps() throws IOException {
        // given
        Path bin = BuiltLayer.bin(Architecture.X86_64);
        Path zip = LayerBuilder.zipPath(BuiltLayer.out(), Architecture.X86_64);
        List<String> files;
        try (Stream<Path> list = Files.list(bin)) {
            files = list.map(p -> "bin/" + p.getFileName()).sorted().toList();
        }

        // when
        List<ZipArchiveEntry> entries = entries(zip);

        // then
        assertThat(entries.subList(1, entries.size())).extracting(ZipArchiveEntry::getName).isEqualTo(files);
        assertThat(entries.subList(1, entries.size())).allSatisfy(e -> {
            assertThat(e.getUnixMode()).isEqualTo(0100755);
            assertThat(e.getSize()).isEqualTo(Files.size(bin.resolve(e.getName().substring(4))));
        });
        assertThat(files).contains("bin/ffmpeg", "bin/ffprobe", "bin/libpulse.so.0")
                .noneMatch(name -> name.contains("libjni"));
    }
}
