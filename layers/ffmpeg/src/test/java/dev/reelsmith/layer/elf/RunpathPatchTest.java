package dev.reelsmith.layer.elf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunpathPatchTest {

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "arm64"})
    void runpathToRpath_shouldRetagTheEntryAndChangeNothingElse(String architecture) throws IOException {
        // given ffmpeg as bytedeco ships it, with DT_RUNPATH $ORIGIN/
        byte[] original = BuiltTree.original(architecture, "ffmpeg");
        assertThat(ElfFile.parse("ffmpeg", original).runpath()).contains("$ORIGIN/");

        // when
        byte[] patched = RunpathPatch.runpathToRpath("ffmpeg", original);

        // then one byte of the tag differs (29 -> 15) and the search path string is the same
        ElfFile file = ElfFile.parse("ffmpeg", patched);
        assertThat(file.rpath()).contains("$ORIGIN/");
        assertThat(file.runpath()).isEmpty();
        assertThat(file.needed()).isEqualTo(ElfFile.parse("ffmpeg", original).needed());
        assertThat(patched).hasSameSizeAs(original);
        assertThat(IntStream.range(0, original.length).filter(i -> original[i] != patched[i]).count()).isEqualTo(1);
    }

    @Test
    void runpathToRpath_shouldLeaveTheBuiltExecutablesWithAnRpathOnly() throws IOException {
        // given the tree the build laid out
        ElfFile ffprobe = ElfFile.read(BuiltTree.file("x86_64", "ffprobe"));

        // when / then
        assertThat(ffprobe.rpath()).contains("$ORIGIN/");
        assertThat(ffprobe.runpath()).isEmpty();
    }

    @Test
    void runpathToRpath_shouldRefuse_whenTheFileAlreadyHasAnRpath() throws IOException {
        // given
        byte[] patched = RunpathPatch.runpathToRpath("ffmpeg", BuiltTree.original("x86_64", "ffmpeg"));

        // when / then
        assertThatThrownBy(() -> RunpathPatch.runpathToRpath("ffmpeg", patched))
                .isInstanceOf(ElfFormatException.class)
                .hasMessage("ffmpeg already has a DT_RPATH ($ORIGIN/)");
    }

    @Test
    void runpathToRpath_shouldRefuse_whenTheFileHasNoRunpath() throws IOException {
        // given a library: bytedeco gives the libraries no search path at all
        byte[] libswscale = BuiltTree.original("x86_64", "libswscale.so.8");

        // when / then
        assertThatThrownBy(() -> RunpathPatch.runpathToRpath("libswscale.so.8", libswscale))
                .isInstanceOf(ElfFormatException.class)
                .hasMessage("libswscale.so.8 has no DT_RUNPATH to turn into a DT_RPATH");
    }
}
