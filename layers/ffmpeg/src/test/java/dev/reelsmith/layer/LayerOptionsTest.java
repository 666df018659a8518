package dev.reelsmith.layer;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayerOptionsTest {

    @Test
    void parse_shouldReadEveryArgument_whenTheCommandLineIsTheOneThePomPasses() {
        // given
        String[] args = {"--out", "/w/target/layer", "--version", "7.1-1.5.11",
                "--jar", "x86_64=/m2/ffmpeg-x86_64.jar", "--jar", "arm64=/m2/ffmpeg-arm64.jar"};

        // when
        LayerOptions options = LayerOptions.parse(args);

        // then
        assertThat(options.out()).isEqualTo(Path.of("/w/target/layer"));
        assertThat(options.version()).isEqualTo("7.1-1.5.11");
        assertThat(options.ffmpegVersion()).isEqualTo("7.1");
        assertThat(options.jars()).containsExactly(
                java.util.Map.entry(Architecture.X86_64, Path.of("/m2/ffmpeg-x86_64.jar")),
                java.util.Map.entry(Architecture.ARM64, Path.of("/m2/ffmpeg-arm64.jar")));
    }

    @Test
    void parse_shouldNameTheArchitectures_whenOneIsUnknown() {
        // given
        String[] args = {"--out", "o", "--version", "7.1-1.5.11", "--jar", "riscv64=/m2/x.jar"};

        // when / then
        assertThatThrownBy(() -> LayerOptions.parse(args))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown architecture 'riscv64'; expected one of [x86_64, arm64]");
    }

    @Test
    void parse_shouldRefuse_whenAJarHasNoArchitecture() {
        // given Maven left a dependency property unresolved, or the arch= part was forgotten
        String[] args = {"--out", "o", "--version", "7.1-1.5.11", "--jar", "/m2/x.jar"};

        // when / then
        assertThatThrownBy(() -> LayerOptions.parse(args))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--jar expects <arch>=<path>, was '/m2/x.jar'");
    }

    @Test
    void parse_shouldRefuse_whenAnArchitectureIsGivenTwice() {
        // given
        String[] args = {"--out", "o", "--version", "v", "--jar", "arm64=/a.jar", "--jar", "arm64=/b.jar"};

        // when / then
        assertThatThrownBy(() -> LayerOptions.parse(args))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--jar arm64 is given twice");
    }

    @Test
    void parse_shouldRefuse_whenOutIsMissing() {
        // given
        String[] args = {"--version", "7.1-1.5.11", "--jar", "arm64=/a.jar"};

        // when / then
        assertThatThrownBy(() -> LayerOptions.parse(args))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--out is required; " + LayerOptions.USAGE);
    }

    @Test
    void parse_shouldRefuse_whenAnArgumentIsUnknown() {
        // given
        String[] args = {"--output", "o"};

        // when / then
        assertThatThrownBy(() -> LayerOptions.parse(args))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown argument '--output'; " + LayerOptions.USAGE);
    }

    @Test
    void parse_shouldRefuse_whenNoJarIsGiven() {
        // given
        String[] args = {"--out", "o", "--version", "7.1-1.5.11"};

        // when / then
        assertThatThrownBy(() -> LayerOptions.parse(args))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least one --jar <arch>=<path> is required; " + LayerOptions.USAGE);
    }
}
