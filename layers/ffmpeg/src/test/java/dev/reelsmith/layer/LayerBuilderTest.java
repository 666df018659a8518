package dev.reelsmith.layer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayerBuilderTest {

    private record Run(int exit, String stdout, String stderr) {
    }

    /** Runs a built binary with a clean {@code LD_LIBRARY_PATH} plus {@code env}. */
    private static Run run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("LD_LIBRARY_PATH");
        builder.environment().putAll(env);
        Path stdout = Files.createTempFile(dir, "stdout", ".txt");
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static String tool(String name) {
        return BuiltLayer.bin(BuiltLayer.host()).resolve(name).toString();
    }

    @Test
    void builtFfmpeg_shouldStart_whenLdLibraryPathIsItsFolderAsTheRunnerSetsIt(@TempDir Path dir) throws Exception {
        // given
        Map<String, String> env = Map.of("LD_LIBRARY_PATH", BuiltLayer.bin(BuiltLayer.host()).toString());

        // when
        Run run = run(dir, env, tool("ffmpeg"), "-hide_banner", "-version");

        // then
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("ffmpeg version 7.1 ");
    }

    @Test
    void builtFfmpeg_shouldStart_whenNoLdLibraryPathIsSetAsInALambdaShell(@TempDir Path dir) throws Exception {
        // given no environment at all: only the executables' DT_RPATH can find libdrm and the stubs

        // when
        Run ffmpeg = run(dir, Map.of(), tool("ffmpeg"), "-hide_banner", "-version");
        Run ffprobe = run(dir, Map.of(), tool("ffprobe"), "-hide_banner", "-version");

        // then
        assertThat(ffmpeg.exit()).as(ffmpeg.stderr()).isZero();
        assertThat(ffprobe.exit()).as(ffprobe.stderr()).isZero();
        assertThat(ffprobe.stdout()).startsWith("ffprobe version 7.1 ");
    }

    @Test
    void builtFfmpeg_shouldLoadTheGeneratedStubsForTheLibrariesLambdaLacks(@TempDir Path dir) throws Exception {
        // given glibc's loader reports each library it initialises
        Map<String, String> env = Map.of("LD_DEBUG", "libs", "LD_BIND_NOW", "1");
        Path bin = BuiltLayer.bin(BuiltLayer.host()).toAbsolutePath().normalize();

        // when
        Run run = run(dir, env, bin.resolve("ffmpeg").toString(), "-hide_banner", "-version");

        // then every stub was the copy loaded, and every versioned import bound (BIND_NOW would abort otherwise)
        assertThat(run.exit()).as(run.stderr()).isZero();
        for (String stub : List.of("libpulse.so.0", "libxcb.so.1", "libxcb-shm.so.0")) {
            assertThat(run.stderr()).contains("calling init: " + bin.resolve(stub));
        }
        assertThat(run.stderr()).doesNotContain("/usr/lib/x86_64-linux-gnu/libxcb.so.1",
                "/usr/lib/aarch64-linux-gnu/libxcb.so.1");
    }

    @Test
    void builtFfmpeg_shouldEncodeH264ThatBuiltFfprobeReads(@TempDir Path dir) throws Exception {
        // given
        Path video = dir.resolve("smoke.mp4");

        // when
        Run encode = run(dir, Map.of(), tool("ffmpeg"), "-hide_banner", "-nostdin", "-f", "lavfi",
                "-i", "testsrc2=d=1:s=320x240:r=25", "-c:v", "libx264", "-pix_fmt", "yuv420p", video.toString());
        Run probe = run(dir, Map.of(), tool("ffprobe"), "-v", "error", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,width,height,nb_frames", "-of", "csv=p=0", video.toString());

        // then
        assertThat(encode.exit()).as(encode.stderr()).isZero();
        assertThat(probe.exit()).as(probe.stderr()).isZero();
        assertThat(probe.stdout().trim()).isEqualTo("h264,320,240,25");
    }

    @Test
    void build_shouldSkipTheWork_whenTheOutputWasBuiltFromTheSameJar() throws IOException {
        // given the output process-classes produced
        Path zip = LayerBuilder.zipPath(BuiltLayer.out(), Architecture.X86_64);
        FileTime before = Files.getLastModifiedTime(zip);
        LayerOptions options = new LayerOptions(BuiltLayer.out(), BuiltLayer.version(Architecture.X86_64),
                Map.of(Architecture.X86_64, BuiltLayer.jar(Architecture.X86_64)));

        // when
        List<LayerReport> reports = LayerBuilder.build(options);

        // then
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.upToDate()).isTrue();
            assertThat(report.zippedBytes()).isEqualTo(Files.size(zip));
            assertThat(report.unpackedBytes()).isBetween(50_000_000L, LayerBuilder.LAMBDA_UNZIPPED_LIMIT);
            assertThat(report.summary()).startsWith("ffmpeg layer x86_64: ").endsWith("(up to date) -> " + zip);
        });
        assertThat(Files.getLastModifiedTime(zip)).isEqualTo(before);
    }

    @Test
    void build_shouldReproduceTheSameZipAndManifest_whenBuiltAgainElsewhere(@TempDir Path dir) throws IOException {
        // given
        Path jar = BuiltLayer.jar(Architecture.ARM64);
        LayerOptions options = new LayerOptions(dir, BuiltLayer.version(Architecture.ARM64),
                Map.of(Architecture.ARM64, jar));

        // when
        LayerReport report = LayerBuilder.build(options).get(0);

        // then
        assertThat(report.upToDate()).isFalse();
        assertThat(Files.readAllBytes(report.zip()))
                .isEqualTo(Files.readAllBytes(LayerBuilder.zipPath(BuiltLayer.out(), Architecture.ARM64)));
        assertThat(Files.readString(report.tree().resolve(LayerBuilder.MANIFEST)))
                .isEqualTo(Files.readString(BuiltLayer.tree(Architecture.ARM64).resolve(LayerBuilder.MANIFEST)));
        assertThat(report.unpackedBytes()).isLessThan(LayerBuilder.LAMBDA_UNZIPPED_LIMIT);
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("arm64", "ffmpeg-layer-arm64.zip");
        }
    }

    @Test
    void manifest_shouldRecordVersionSourceGlibcFloorAndStubs() throws IOException {
        // given
        Path manifest = BuiltLayer.tree(Architecture.X86_64).resolve(LayerBuilder.MANIFEST);

        // when
        List<String> lines = new ArrayList<>(Files.readAllLines(manifest, StandardCharsets.UTF_8));

        // then
        assertThat(lines.get(0)).isEqualTo("FFmpeg 7.1 for Lambda layers, x86_64");
        assertThat(lines.get(1)).startsWith("source: org.bytedeco:ffmpeg:7.1-1.5.11:linux-x86_64-gpl "
                + "(ffmpeg-7.1-1.5.11-linux-x86_64-gpl.jar, sha256 ");
        assertThat(lines).contains(
                "glibc floor: GLIBC_2.29 (the highest glibc symbol version any shipped file requires)",
                "  libasound.so.2  25 symbols, versions ALSA_0.9.0rc4 ALSA_0.9",
                "  libpulse.so.0  65 symbols, versions PULSE_0",
                "  libxcb-shm.so.0  41 symbols",
                "  libxcb.so.1  41 symbols",
                "left out: libjni*.so (Java bindings)");
    }

    @Test
    void build_shouldExplain_whenAJarIsMissing(@TempDir Path dir) {
        // given
        Path missing = dir.resolve("m2/ffmpeg-7.1-1.5.11-linux-arm64-gpl.jar");
        LayerOptions options = new LayerOptions(dir.resolve("out"), "7.1-1.5.11", Map.of(Architecture.ARM64, missing));

        // when / then
        assertThatThrownBy(() -> LayerBuilder.build(options))
                .isInstanceOf(LayerBuildException.class)
                .hasMessageStartingWith("FFmpeg jar for arm64 not found: " + missing);
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
