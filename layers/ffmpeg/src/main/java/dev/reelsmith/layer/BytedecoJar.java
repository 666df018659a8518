package dev.reelsmith.layer;

import dev.reelsmith.layer.elf.ElfFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The native part of a bytedeco FFmpeg platform jar ({@code org.bytedeco:ffmpeg:<version>:linux-<arch>-gpl}):
 * the ELF files in its {@code org/bytedeco/ffmpeg/linux-<arch>[-gpl]/} folder, without the JNI bindings
 * ({@code libjni*.so}), which only Java callers of the bytedeco API load.
 *
 * @param jar      where it was read from
 * @param platform the platform folder, e.g. {@code linux-x86_64-gpl}
 * @param files    the ELF files by file name, sorted
 */
public record BytedecoJar(Path jar, String platform, Map<String, ElfFile> files) {
    private static final String ROOT = "org/bytedeco/ffmpeg/";

    public BytedecoJar {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /**
     * Reads the native files of {@code jar} for {@code architecture}.
     *
     * @throws LayerBuildException when the jar is absent, unreadable, or has no ffmpeg/ffprobe for the platform
     */
    public static BytedecoJar read(Path jar, Architecture architecture) {
        requirePresent(jar, architecture);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            String platform = platform(zip, architecture).orElseThrow(() -> new LayerBuildException(jar
                    + " has no " + ROOT + "linux-" + architecture.folder() + "*/ffmpeg; expected the bytedeco platform "
                    + "jar with classifier linux-" + architecture.folder() + "-gpl"));
            String folder = ROOT + platform + "/";
            Map<String, ElfFile> files = new TreeMap<>();
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().substring(Math.min(folder.length(), entry.getName().length()));
                if (entry.isDirectory() || !entry.getName().startsWith(folder) || name.contains("/")
                        || name.startsWith("libjni")) {
                    continue;
                }
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                if (ElfFile.isElf(content)) {
                    files.put(name, ElfFile.parse(name, content));
                }
            }
            for (String executable : LayerPlan.EXECUTABLES) {
                if (!files.containsKey(executable)) {
                    throw new LayerBuildException(jar + " has no " + folder + executable + "; found " + files.keySet());
                }
            }
            return new BytedecoJar(jar, platform, files);
        } catch (ZipException e) {
            throw new LayerBuildException(jar + " is not a readable jar: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LayerBuildException("could not read " + jar + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code jar} exists before anything is read or deleted.
     *
     * @throws LayerBuildException saying which artifact is expected and how to get it
     */
    public static void requirePresent(Path jar, Architecture architecture) {
        if (!Files.isRegularFile(jar)) {
            throw new LayerBuildException("FFmpeg jar for " + architecture.folder() + " not found: " + jar
                    + " (expected org.bytedeco:ffmpeg with classifier linux-" + architecture.folder()
                    + "-gpl in the local Maven repository; run the build once online, or check the --jar argument)");
        }
    }

    private static Optional<String> platform(ZipFile zip, Architecture architecture) {
        String prefix = ROOT + "linux-" + architecture.folder();
        return zip.stream().map(ZipEntry::getName)
                .filter(n -> n.startsWith(prefix) && n.endsWith("/ffmpeg"))
                .map(n -> n.substring(ROOT.length(), n.length() - "/ffmpeg".length()))
                .filter(p -> !p.contains("/"))
                .sorted()
                .findFirst();
    }
}
