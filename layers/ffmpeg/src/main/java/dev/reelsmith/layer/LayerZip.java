package dev.reelsmith.layer;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a Lambda layer zip from a folder tree, reproducibly: entries sorted by name, one fixed timestamp,
 * Unix modes recorded so that Lambda unpacks the executables and libraries as {@code 0755} (a zip without
 * Unix modes unpacks as {@code 0644}, and ffmpeg would not start).
 */
public final class LayerZip {
    /**
     * Zip stores local date-times: pick the millisecond that is 2000-01-01T00:00 in this JVM's zone, so the
     * stored date is the same whatever time zone the build runs in.
     */
    private static final long FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0)
            .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    private static final int REGULAR_0755 = 0100755;
    private static final int DIRECTORY_0755 = 040755;

    private LayerZip() {
    }

    /**
     * Zips {@code folder} (a folder name under {@code root}) and everything in it into {@code zip}, with paths
     * relative to {@code root}, so that the layer's {@code bin/ffmpeg} lands at {@code /opt/bin/ffmpeg}. Every
     * entry gets mode 0755.
     */
    public static void write(Path root, String folder, Path zip) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
            paths = walk
                    .sorted((a, b) -> entryName(root, a).compareTo(entryName(root, b)))
                    .toList();
        }
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (Path path : paths) {
                boolean directory = Files.isDirectory(path);
                ZipArchiveEntry entry = new ZipArchiveEntry(entryName(root, path));
                entry.setTime(FIXED_TIME);
                entry.setUnixMode(directory ? DIRECTORY_0755 : REGULAR_0755);
                entry.setMethod(directory ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED);
                out.putArchiveEntry(entry);
                if (!directory) {
                    try (InputStream in = Files.newInputStream(path)) {
                        in.transferTo(out);
                    }
                }
                out.closeArchiveEntry();
            }
        }
    }

    private static String entryName(Path root, Path path) {
        String name = root.relativize(path).toString().replace('\\', '/');
        return Files.isDirectory(path) ? name + "/" : name;
    }
}
