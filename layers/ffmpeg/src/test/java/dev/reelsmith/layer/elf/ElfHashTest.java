package dev.reelsmith.layer.elf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class ElfHashTest {

    @Test
    void of_shouldMatchTheSysvReferenceValue_whenNameIsPrintf() {
        // given the example from the System V ABI literature
        String name = "printf";

        // when
        long hash = ElfHash.of(name);

        // then
        assertThat(hash).isEqualTo(0x077905a6L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "arm64"})
    void of_shouldAgreeWithTheLinker_whenComparedWithVersionHashesGnuLdWrote(String architecture) throws IOException {
        // given version definitions written by GNU ld, long names included (they overflow 28 bits)
        ElfFile libavutil = ElfFile.read(BuiltTree.file(architecture, "libavutil.so.59"));

        // when / then
        assertThat(libavutil.versionDefinitions()).isNotEmpty().allSatisfy(definition ->
                assertThat(ElfHash.of(definition.name())).as(definition.name()).isEqualTo(definition.hash()));
    }
}
