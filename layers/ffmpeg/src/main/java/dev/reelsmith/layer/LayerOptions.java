package dev.reelsmith.layer;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The command line of {@link LayerBuilder}:
 * {@code --out <dir> --version <bytedeco version> --jar <arch>=<path> [--jar <arch>=<path> ...]}.
 *
 * @param out     the folder that receives {@code <arch>/bin}, {@code <arch>/MANIFEST.txt} and the zips
 * @param version the bytedeco artifact version, e.g. {@code 7.1-1.5.11} (FFmpeg 7.1, JavaCPP 1.5.11)
 * @param jars    the platform jar per architecture, in the order given
 */
public record LayerOptions(Path out, String version, Map<Architecture, Path> jars) {
    public static final String USAGE = "usage: LayerBuilder --out <dir> --version <bytedeco version> "
            + "--jar <x86_64|arm64>=<path to org.bytedeco:ffmpeg platform jar> [--jar ...]";

    public LayerOptions {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(version, "version");
        if (version.isBlank()) {
            throw new IllegalArgumentException("version must not be blank");
        }
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("at least one --jar <arch>=<path> is required; " + USAGE);
        }
        jars = Collections.unmodifiableMap(new LinkedHashMap<>(jars));
    }

    /** The FFmpeg release inside the artifact: {@code 7.1} for {@code 7.1-1.5.11}. */
    public String ffmpegVersion() {
        int dash = version.indexOf('-');
        return dash < 0 ? version : version.substring(0, dash);
    }

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException naming the bad or missing argument
     */
    public static LayerOptions parse(String... args) {
        Path out = null;
        String version = null;
        Map<Architecture, Path> jars = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!flag.equals("--out") && !flag.equals("--version") && !flag.equals("--jar")) {
                throw new IllegalArgumentException("unknown argument '" + flag + "'; " + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (flag) {
                case "--out" -> out = Path.of(value);
                case "--version" -> version = value;
                default -> {
                    int equals = value.indexOf('=');
                    if (equals <= 0 || equals == value.length() - 1) {
                        throw new IllegalArgumentException("--jar expects <arch>=<path>, was '" + value + "'");
                    }
                    Architecture architecture = Architecture.ofFolder(value.substring(0, equals));
                    if (jars.put(architecture, Path.of(value.substring(equals + 1))) != null) {
                        throw new IllegalArgumentException("--jar " + architecture.folder() + " is given twice");
                    }
                }
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is required; " + USAGE);
        }
        if (version == null) {
            throw new IllegalArgumentException("--version is required; " + USAGE);
        }
        return new LayerOptions(out, version, jars);
    }
}
