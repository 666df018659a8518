package dev.reelsmith.layer.elf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElfStubWriterTest {

    private static StubLibrary pulseLike(ElfMachine machine) {
        return new StubLibrary("libpulse.so.0", machine, List.of("PULSE_0", "PULSE_1"), List.of(
                StubSymbol.function("pa_context_new", Optional.of("PULSE_0")),
                StubSymbol.function("pa_stream_new", Optional.of("PULSE_1")),
                StubSymbol.function("xcb_connect", Optional.empty()),
                new StubSymbol("pa_volume_table", Optional.of("PULSE_0"), StubSymbol.Kind.OBJECT, 40)));
    }

    @ParameterizedTest
    @EnumSource(ElfMachine.class)
    void write_shouldDefineExactlyTheGivenSymbolsAndVersions_whenReadBack(ElfMachine machine) {
        // given
        StubLibrary library = pulseLike(machine);

        // when
        ElfFile stub = ElfFile.parse("libpulse.so.0", ElfStubWriter.write(library));

        // then
        assertThat(stub.machine()).contains(machine);
        assertThat(stub.type()).isEqualTo(ElfFile.ET_DYN);
        assertThat(stub.soname()).contains("libpulse.so.0");
        assertThat(stub.needed()).isEmpty();
        assertThat(stub.dynamicSymbols()).extracting(DynamicSymbol::qualifiedName).containsExactly(
                "pa_context_new@PULSE_0", "pa_stream_new@PULSE_1", "xcb_connect", "pa_volume_table@PULSE_0");
        assertThat(stub.dynamicSymbols()).allSatisfy(s -> {
            assertThat(s.isExported()).isTrue();
            assertThat(s.binding()).isEqualTo(DynamicSymbol.STB_GLOBAL);
        });
        assertThat(stub.versionDefinitions()).containsExactly(
                new VersionDefinition(1, VersionDefinition.VER_FLG_BASE, ElfHash.of("libpulse.so.0"), "libpulse.so.0"),
                new VersionDefinition(2, 0, ElfHash.of("PULSE_0"), "PULSE_0"),
                new VersionDefinition(3, 0, ElfHash.of("PULSE_1"), "PULSE_1"));
    }

    @ParameterizedTest
    @EnumSource(ElfMachine.class)
    void write_shouldPointFunctionsAtReturnZeroCode_inAnExecutableReadOnlySegment(ElfMachine machine) {
        // given
        ElfFile stub = ElfFile.parse("libpulse.so.0", ElfStubWriter.write(pulseLike(machine)));
        DynamicSymbol function = stub.dynamicSymbols().get(0);

        // when
        byte[] code = stub.bytesAt(function.value(), machine.returnZero().length);

        // then
        assertThat(function.type()).isEqualTo(DynamicSymbol.STT_FUNC);
        assertThat(code).containsExactly(machine.returnZero());
        assertThat(stub.segmentAt(function.value())).hasValueSatisfying(segment -> assertThat(segment.flags())
                .isEqualTo(ProgramHeader.PF_R | ProgramHeader.PF_X));
        assertThat(stub.section(".text")).hasValueSatisfying(text ->
                assertThat(text.address()).isEqualTo(function.value()));
    }

    @Test
    void returnZero_shouldBeTheKnownInstructionEncodings() {
        // given xor eax,eax; ret and mov x0,#0 (0xd2800000); ret (0xd65f03c0), little-endian

        // when / then
        assertThat(ElfMachine.X86_64.returnZero()).containsExactly(0x31, 0xc0, 0xc3);
        assertThat(ElfMachine.AARCH64.returnZero()).containsExactly(0x00, 0x00, 0x80, 0xd2, 0xc0, 0x03, 0x5f, 0xd6);
    }

    @Test
    void write_shouldPointObjectsAtZeroedWritableMemory() {
        // given
        ElfFile stub = ElfFile.parse("libpulse.so.0", ElfStubWriter.write(pulseLike(ElfMachine.X86_64)));
        DynamicSymbol object = stub.dynamicSymbols().get(3);

        // when
        byte[] data = stub.bytesAt(object.value(), 40);

        // then
        assertThat(object.type()).isEqualTo(DynamicSymbol.STT_OBJECT);
        assertThat(object.size()).isEqualTo(40);
        assertThat(data).containsOnly(0);
        assertThat(stub.segmentAt(object.value())).hasValueSatisfying(segment -> assertThat(segment.flags())
                .isEqualTo(ProgramHeader.PF_R | ProgramHeader.PF_W));
    }

    @ParameterizedTest
    @EnumSource(ElfMachine.class)
    void write_shouldLayOutSegmentsSoThatTheyLoadWithSixtyFourKibPages(ElfMachine machine) {
        // given
        ElfFile stub = ElfFile.parse("libpulse.so.0", ElfStubWriter.write(pulseLike(machine)));

        // when
        List<ProgramHeader> loads = stub.programHeaders().stream()
                .filter(p -> p.type() == ProgramHeader.PT_LOAD).toList();
        ProgramHeader dynamic = stub.programHeaders().stream()
                .filter(p -> p.type() == ProgramHeader.PT_DYNAMIC).findFirst().orElseThrow();
        ProgramHeader stack = stub.programHeaders().stream()
                .filter(p -> p.type() == ProgramHeader.PT_GNU_STACK).findFirst().orElseThrow();

        // then
        assertThat(loads).hasSize(2).allSatisfy(load -> {
            assertThat(load.align()).isEqualTo(0x10000);
            assertThat((load.virtualAddress() - load.offset()) % load.align()).isZero();
        });
        long endOfCodePage = (loads.get(0).virtualAddress() + loads.get(0).memorySize() - 1) / 0x10000;
        assertThat(loads.get(1).virtualAddress() / 0x10000).isGreaterThan(endOfCodePage);
        assertThat(loads.get(1).flags()).isEqualTo(ProgramHeader.PF_R | ProgramHeader.PF_W);
        assertThat(loads.get(1).containsAddress(dynamic.virtualAddress())).isTrue();
        assertThat(stack.flags()).isEqualTo(ProgramHeader.PF_R | ProgramHeader.PF_W);
    }

    @Test
    void write_shouldMakeEverySymbolFindableThroughTheSysvHashTable_whenThereAreMany() {
        // given 300 symbols, so chains are long and several bucket sizes are exercised
        List<StubSymbol> symbols = IntStream.range(0, 300)
                .mapToObj(i -> StubSymbol.function(String.format(Locale.ROOT, "snd_function_%03d", i), Optional.empty()))
                .toList();
        ElfFile stub = ElfFile.parse("libasound.so.2",
                ElfStubWriter.write(new StubLibrary("libasound.so.2", ElfMachine.AARCH64, List.of(), symbols)));

        // when / then
        assertThat(symbols).allSatisfy(s ->
                assertThat(stub.lookupByHash(s.name())).hasValueSatisfying(found ->
                        assertThat(found.name()).isEqualTo(s.name())));
        assertThat(stub.lookupByHash("snd_function_300")).isEmpty();
    }

    @Test
    void write_shouldProduceALibraryTheDynamicLoaderOfThisJvmAccepts(@TempDir Path dir) throws IOException {
        // given a stub for the machine this test runs on, written under a name no real library has
        ElfMachine host = System.getProperty("os.arch").equals("aarch64") ? ElfMachine.AARCH64 : ElfMachine.X86_64;
        StubLibrary library = new StubLibrary("libreelsmith-stub-test.so.1", host, List.of("REELSMITH_1"), List.of(
                StubSymbol.function("reelsmith_stub_probe", Optional.of("REELSMITH_1")),
                new StubSymbol("reelsmith_stub_data", Optional.empty(), StubSymbol.Kind.OBJECT, 0)));
        Path file = dir.resolve("libreelsmith-stub-test.so.1");
        Files.write(file, ElfStubWriter.write(library));

        // when dlopen maps it and processes its dynamic section (any rejection is an UnsatisfiedLinkError)
        System.load(file.toAbsolutePath().toString());

        // then
        assertThat(ElfFile.read(file).exportedNames()).containsExactly("reelsmith_stub_probe", "reelsmith_stub_data");
    }

    @Test
    void write_shouldBeDeterministic() {
        // given
        StubLibrary library = pulseLike(ElfMachine.X86_64);

        // when
        byte[] first = ElfStubWriter.write(library);
        byte[] second = ElfStubWriter.write(library);

        // then
        assertThat(first).isEqualTo(second);
    }

    @Test
    void stubLibrary_shouldRefuseASymbolWhoseVersionItDoesNotDefine() {
        // given
        List<StubSymbol> symbols = List.of(StubSymbol.function("pa_context_new", Optional.of("PULSE_9")));

        // when / then
        assertThatThrownBy(() -> new StubLibrary("libpulse.so.0", ElfMachine.X86_64, List.of("PULSE_0"), symbols))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbol pa_context_new@PULSE_9 uses version PULSE_9 which libpulse.so.0 does not define; "
                        + "versions were [PULSE_0]");
    }

    @Test
    void stubLibrary_shouldRefuseTheSameSymbolTwice() {
        // given
        StubSymbol symbol = StubSymbol.function("xcb_connect", Optional.empty());

        // when / then
        assertThatThrownBy(() -> new StubLibrary("libxcb.so.1", ElfMachine.X86_64, List.of(), List.of(symbol, symbol)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbol xcb_connect is listed twice in libxcb.so.1");
    }

    @Test
    void stubLibrary_shouldRefuseASonameThatIsAPath() {
        // given
        String soname = "/usr/lib/libxcb.so.1";

        // when / then
        assertThatThrownBy(() -> new StubLibrary(soname, ElfMachine.X86_64, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("soname must be a file name, was '/usr/lib/libxcb.so.1'");
    }
}
