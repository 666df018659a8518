package dev.reelsmith.layer;

import dev.reelsmith.layer.elf.DynamicSymbol;
import dev.reelsmith.layer.elf.ElfFile;
import dev.reelsmith.layer.elf.ElfStubWriter;
import dev.reelsmith.layer.elf.GlibcVersions;
import dev.reelsmith.layer.elf.StubLibrary;
import dev.reelsmith.layer.elf.StubSymbol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayerPlanTest {
    private static final Map<Architecture, BytedecoJar> JARS = new EnumMap<>(Architecture.class);
    private static final Map<Architecture, LayerPlan> PLANS = new EnumMap<>(Architecture.class);

    @BeforeAll
    static void readJars() throws IOException {
        for (Architecture architecture : Architecture.values()) {
            BytedecoJar jar = BytedecoJar.read(BuiltLayer.jar(architecture), architecture);
            JARS.put(architecture, jar);
            PLANS.put(architecture, LayerPlan.of(architecture, jar.files()));
        }
    }

    private static Set<String> names(LayerPlan plan) {
        return plan.shipped().stream().map(ElfFile::name).collect(Collectors.toSet());
    }

    @Test
    void of_shouldStubTheLibrariesLambdaLacks_whenArchitectureIsX86_64() {
        // given
        LayerPlan plan = PLANS.get(Architecture.X86_64);

        // when / then
        assertThat(plan.stubs()).extracting(StubLibrary::soname)
                .containsExactly("libasound.so.2", "libpulse.so.0", "libxcb-shm.so.0", "libxcb.so.1");
        assertThat(plan.stubs()).allSatisfy(s -> assertThat(s.machine()).isEqualTo(Architecture.X86_64.machine()));
    }

    @Test
    void of_shouldShipAlsaInsteadOfStubbingIt_whenArchitectureIsArm64() {
        // given bytedeco's arm64 jar carries its own libasound.so.2
        LayerPlan plan = PLANS.get(Architecture.ARM64);

        // when / then
        assertThat(plan.stubs()).extracting(StubLibrary::soname)
                .containsExactly("libpulse.so.0", "libxcb-shm.so.0", "libxcb.so.1");
        assertThat(names(plan)).contains("libasound.so.2");
    }

    @Test
    void of_shouldShipExactlyWhatFfmpegAndFfprobeNeed() {
        // given
        LayerPlan x86 = PLANS.get(Architecture.X86_64);
        LayerPlan arm = PLANS.get(Architecture.ARM64);

        // when / then
        assertThat(names(x86)).containsExactlyInAnyOrder("ffmpeg", "ffprobe", "libavcodec.so.61", "libavdevice.so.61",
                "libavfilter.so.10", "libavformat.so.61", "libavutil.so.59", "libdrm.so.2", "libpostproc.so.58",
                "libswresample.so.5", "libswscale.so.8");
        // the Raspberry Pi VideoCore libraries are only dlopen'ed from /opt/vc by the OMX encoder
        assertThat(JARS.get(Architecture.ARM64).files()).containsKeys("libbcm_host.so", "libvcos.so");
        assertThat(names(arm)).doesNotContain("libbcm_host.so", "libvcos.so", "libvchiq_arm.so");
        assertThat(JARS.get(Architecture.X86_64).files().keySet()).noneMatch(n -> n.startsWith("libjni"));
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void of_shouldGiveEachStubExactlyTheSymbolsLibavdeviceImportsFromIt(Architecture architecture) {
        // given
        LayerPlan plan = PLANS.get(architecture);
        ElfFile libavdevice = plan.file("libavdevice.so.61").orElseThrow();
        Set<String> exportedByShipped = new HashSet<>();
        plan.shipped().forEach(f -> exportedByShipped.addAll(f.exportedNames()));
        Map<String, Set<String>> actual = new HashMap<>();
        plan.stubs().forEach(s -> actual.put(s.soname(),
                s.symbols().stream().map(StubSymbol::qualifiedName).collect(Collectors.toSet())));

        // when
        Set<String> pulse = libavdevice.imports().stream()
                .filter(s -> s.versionFile().filter("libpulse.so.0"::equals).isPresent())
                .map(DynamicSymbol::qualifiedName).collect(Collectors.toSet());
        Set<String> unversioned = libavdevice.imports().stream()
                .filter(s -> s.version().isEmpty() && !s.isWeak() && !exportedByShipped.contains(s.name()))
                .map(DynamicSymbol::name).collect(Collectors.toSet());

        // then
        assertThat(pulse).hasSize(65).allMatch(n -> n.startsWith("pa_") && n.endsWith("@PULSE_0"));
        assertThat(actual.get("libpulse.so.0")).isEqualTo(pulse);
        assertThat(unversioned).hasSize(41).allMatch(n -> n.startsWith("xcb_"));
        assertThat(actual.get("libxcb.so.1")).isEqualTo(unversioned);
        assertThat(actual.get("libxcb-shm.so.0")).isEqualTo(unversioned);
        assertThat(actual.values()).allSatisfy(symbols -> assertThat(symbols).noneMatch(n -> n.startsWith("drm")));
    }

    @Test
    void of_shouldDefineBothAlsaVersions_whenStubbingLibasound() {
        // given
        StubLibrary alsa = PLANS.get(Architecture.X86_64).stubs().get(0);

        // when / then
        assertThat(alsa.soname()).isEqualTo("libasound.so.2");
        assertThat(alsa.versions()).containsExactlyInAnyOrder("ALSA_0.9", "ALSA_0.9.0rc4");
        assertThat(alsa.symbols()).hasSize(25).extracting(StubSymbol::qualifiedName)
                .contains("snd_pcm_open@ALSA_0.9", "snd_pcm_hw_params_set_rate_near@ALSA_0.9.0rc4");
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void of_shouldHaveTheBuiltStubsExportExactlyThePlannedSymbols(Architecture architecture) throws IOException {
        // given
        LayerPlan plan = PLANS.get(architecture);

        for (StubLibrary stub : plan.stubs()) {
            // when
            byte[] built = Files.readAllBytes(BuiltLayer.bin(architecture).resolve(stub.soname()));
            ElfFile file = ElfFile.parse(stub.soname(), built);

            // then
            assertThat(built).as(stub.soname()).isEqualTo(ElfStubWriter.write(stub));
            assertThat(file.soname()).contains(stub.soname());
            assertThat(file.machine()).contains(architecture.machine());
            assertThat(file.dynamicSymbols()).extracting(DynamicSymbol::qualifiedName)
                    .containsExactlyElementsOf(stub.symbols().stream().map(StubSymbol::qualifiedName).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void of_shouldFindAGlibcFloorLambdasAmazonLinux2023Meets(Architecture architecture) {
        // given Lambda's AL2023 runtimes have glibc 2.34
        LayerPlan plan = PLANS.get(architecture);

        // when / then
        assertThat(plan.glibcFloor()).isEqualTo("GLIBC_2.29");
        assertThat(GlibcVersions.ORDER.compare(plan.glibcFloor(), "GLIBC_2.34")).isNegative();
    }

    @Test
    void of_shouldRefuse_whenTheBinariesAreForAnotherMachine() {
        // given the arm64 binaries offered as x86_64
        Map<String, ElfFile> arm = JARS.get(Architecture.ARM64).files();

        // when / then
        assertThatThrownBy(() -> LayerPlan.of(Architecture.X86_64, arm))
                .isInstanceOf(LayerBuildException.class)
                .hasMessage("ffmpeg is built for ELF machine 183, not x86_64 (62)");
    }

    @Test
    void of_shouldRefuse_whenFfprobeIsMissing() {
        // given
        Map<String, ElfFile> files = Map.of("ffmpeg", JARS.get(Architecture.X86_64).files().get("ffmpeg"));

        // when / then
        assertThatThrownBy(() -> LayerPlan.of(Architecture.X86_64, files))
                .isInstanceOf(LayerBuildException.class)
                .hasMessage("no ffprobe among the binaries [ffmpeg]");
    }
}
