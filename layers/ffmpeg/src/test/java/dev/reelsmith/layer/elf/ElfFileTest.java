package dev.reelsmith.layer.elf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElfFileTest {

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "arm64"})
    void read_shouldListTheLibrariesLibavdeviceNeeds(String architecture) throws IOException {
        // given
        ElfFile libavdevice = ElfFile.read(BuiltTree.file(architecture, "libavdevice.so.61"));

        // when / then
        assertThat(libavdevice.soname()).contains("libavdevice.so.61");
        assertThat(libavdevice.type()).isEqualTo(ElfFile.ET_DYN);
        assertThat(libavdevice.needed()).contains("libavformat.so.61", "libxcb.so.1", "libxcb-shm.so.0",
                "libasound.so.2", "libpulse.so.0", "libc.so.6");
        assertThat(libavdevice.versionNeeds()).containsEntry("libpulse.so.0", java.util.List.of("PULSE_0"));
        assertThat(libavdevice.versionNeeds().get("libasound.so.2")).containsExactlyInAnyOrder("ALSA_0.9",
                "ALSA_0.9.0rc4");
    }

    @Test
    void read_shouldReportTheMachine_whenFilesAreForEachArchitecture() throws IOException {
        // given
        ElfFile x86 = ElfFile.read(BuiltTree.file("x86_64", "libavutil.so.59"));
        ElfFile arm = ElfFile.read(BuiltTree.file("arm64", "libavutil.so.59"));

        // when / then
        assertThat(x86.machine()).contains(ElfMachine.X86_64);
        assertThat(arm.machine()).contains(ElfMachine.AARCH64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "arm64"})
    void imports_shouldCarryVersionAndItsLibrary_whenTheImportIsVersioned(String architecture) throws IOException {
        // given
        ElfFile libavdevice = ElfFile.read(BuiltTree.file(architecture, "libavdevice.so.61"));

        // when
        var imports = libavdevice.imports();

        // then
        assertThat(imports).filteredOn(s -> s.name().equals("pa_context_new")).singleElement().satisfies(s -> {
            assertThat(s.version()).contains("PULSE_0");
            assertThat(s.versionFile()).contains("libpulse.so.0");
            assertThat(s.type()).isEqualTo(DynamicSymbol.STT_FUNC);
        });
        assertThat(imports).filteredOn(s -> s.name().equals("snd_pcm_hw_params_set_rate_near")).singleElement()
                .satisfies(s -> assertThat(s.qualifiedName()).isEqualTo("snd_pcm_hw_params_set_rate_near@ALSA_0.9.0rc4"));
        assertThat(imports).filteredOn(s -> s.name().equals("xcb_connect")).singleElement()
                .satisfies(s -> assertThat(s.version()).isEmpty());
        assertThat(imports).filteredOn(s -> s.name().equals("__gmon_start__")).singleElement()
                .satisfies(s -> assertThat(s.isWeak()).isTrue());
    }

    @Test
    void exportedNames_shouldHoldTheLibrarysApi_whenFileIsLibavutil() throws IOException {
        // given
        ElfFile libavutil = ElfFile.read(BuiltTree.file("x86_64", "libavutil.so.59"));

        // when / then
        assertThat(libavutil.exportedNames()).contains("av_malloc", "av_log").doesNotContain("malloc");
        assertThat(libavutil.dynamicSymbols()).filteredOn(s -> s.name().equals("av_malloc")).singleElement()
                .satisfies(s -> assertThat(s.version()).contains("LIBAVUTIL_59"));
    }

    @Test
    void glibcFloor_shouldBeTheHighestGlibcVersionNeeded_whenFileNeedsSeveral() throws IOException {
        // given libavutil needs GLIBC_2.2.5 up to GLIBC_2.29 (and GLIBC_2.3.4, which sorts below 2.29 numerically)
        ElfFile libavutil = ElfFile.read(BuiltTree.file("x86_64", "libavutil.so.59"));

        // when / then
        assertThat(libavutil.glibcFloor()).contains("GLIBC_2.29");
    }

    @Test
    void parse_shouldRefuse_whenBytesAreNotElf() {
        // given
        byte[] script = "#!/bin/sh\necho hi\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        // when / then
        assertThatThrownBy(() -> ElfFile.parse("run.sh", script))
                .isInstanceOf(ElfFormatException.class)
                .hasMessage("run.sh is not an ELF file");
    }

    @Test
    void parse_shouldRefuse_whenFileIs32Bit() {
        // given an ELF header of class ELFCLASS32
        byte[] header = new byte[64];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1}, 0, header, 0, 7);

        // when / then
        assertThatThrownBy(() -> ElfFile.parse("old.so", header))
                .isInstanceOf(ElfFormatException.class)
                .hasMessage("old.so is not a 64-bit little-endian ELF file (class 1, data 1)");
    }

    @Test
    void parse_shouldRefuse_whenTablesPointPastTheEnd() {
        // given a valid 64-bit header claiming program headers far beyond the 64 bytes there are
        byte[] header = new byte[64];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}, 0, header, 0, 7);
        header[32] = 0x40;
        header[56] = 3;

        // when / then
        assertThatThrownBy(() -> ElfFile.parse("cut.so", header))
                .isInstanceOf(ElfFormatException.class)
                .hasMessageStartingWith("cut.so is truncated or has a table pointing outside the file");
    }

    @Test
    void lookupByHash_shouldBeEmpty_whenFileHasNoSysvHashTable() throws IOException {
        // given bytedeco's libraries carry only DT_GNU_HASH
        ElfFile libavutil = ElfFile.read(BuiltTree.file("x86_64", "libavutil.so.59"));

        // when / then
        assertThat(libavutil.lookupByHash("av_malloc")).isEqualTo(Optional.empty());
    }
}
