package dev.reelsmith.layer;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The outcome of building (or finding up to date) one architecture's layer.
 *
 * @param architecture  the target
 * @param upToDate      true when the existing output already matched the source jar and nothing was written
 * @param tree          {@code <out>/<arch>}, holding {@code bin/} and {@code MANIFEST.txt}
 * @param zip           the layer zip
 * @param unpackedBytes the size of {@code bin/} once unzipped, which counts against Lambda's 250 MB limit
 * @param zippedBytes   the zip's size
 */
public record LayerReport(Architecture architecture, boolean upToDate, Path tree, Path zip, long unpackedBytes,
                          long zippedBytes) {

    /** One line for the build log. */
    public String summary() {
        return String.format(Locale.ROOT, "ffmpeg layer %s: %.1f MB unpacked, %.1f MB zipped%s -> %s",
                architecture.folder(), unpackedBytes / 1e6, zippedBytes / 1e6, upToDate ? " (up to date)" : "", zip);
    }
}
