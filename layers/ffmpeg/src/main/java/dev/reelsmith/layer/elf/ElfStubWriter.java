package dev.reelsmith.layer.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link StubLibrary} as a minimal ELF64 little-endian shared object that glibc's dynamic loader
 * accepts: every function symbol points at code returning 0, every data symbol at zeroed writable memory,
 * and the symbol versions are defined the way {@code ld} would, so versioned imports such as
 * {@code pa_context_new@PULSE_0} bind at load time.
 *
 * <p>Layout: one read+execute segment (ELF and program headers, {@code .hash}, {@code .dynsym},
 * {@code .dynstr}, {@code .gnu.version}, {@code .gnu.version_d}, {@code .text}), one read+write segment
 * ({@code .dynamic}, {@code .data}), then the section headers, which the loader ignores but readelf and
 * objdump read. Segments are aligned to 64 KiB so the file also loads on arm64 kernels with 64 KiB pages.
 * No relocations are needed: the code is position-independent and the data holds no pointers.
 */
public final class ElfStubWriter {
    /** Segment alignment: the largest page size of the supported kernels (arm64 with 64 KiB pages). */
    public static final long SEGMENT_ALIGN = 0x10000;

    private static final int EHDR_SIZE = 64;
    private static final int PHDR_SIZE = 56;
    private static final int SHDR_SIZE = 64;
    private static final int SYM_SIZE = 24;
    private static final int DYN_SIZE = 16;
    private static final int VERDEF_SIZE = 20;
    private static final int VERDAUX_SIZE = 8;
    private static final int PROGRAM_HEADERS = 4;
    private static final int DYNAMIC_ENTRIES = 10;
    private static final int VERSYM_GLOBAL = 1;
    private static final int VERSYM_HIDDEN = 0x8000;
    private static final int MIN_OBJECT_SIZE = 8;
    /** The bucket counts GNU ld picks from: the largest one not above the number of symbols. */
    private static final int[] BUCKET_COUNTS = {1, 3, 17, 37, 67, 97, 131, 197, 263, 521, 1031, 2053, 4099, 8209,
            16411, 32771};

    private static final int SEC_HASH = 1;
    private static final int SEC_DYNSYM = 2;
    private static final int SEC_DYNSTR = 3;
    private static final int SEC_VERSYM = 4;
    private static final int SEC_VERDEF = 5;
    private static final int SEC_TEXT = 6;
    private static final int SEC_DYNAMIC = 7;
    private static final int SEC_DATA = 8;

    private ElfStubWriter() {
    }

    /** The bytes of the shared object for {@code library}. */
    public static byte[] write(StubLibrary library) {
        return new Layout(library).write();
    }

    private static long align(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    /** Computes every offset first, then writes; keeps the arithmetic in one place. */
    private static final class Layout {
        private final StubLibrary library;
        private final byte[] code;
        private final StringTable dynstr = new StringTable();
        private final int symbolCount;
        private final int bucketCount;
        private final boolean hasData;
        private final int sectionCount;
        private final long[] objectOffsets;

        private final long hashOff;
        private final long hashSize;
        private final long dynsymOff;
        private final long dynsymSize;
        private final long dynstrOff;
        private final long versymOff;
        private final long versymSize;
        private final long verdefOff;
        private final long verdefSize;
        private final long textOff;
        private final long rxEnd;
        private final long dynamicOff;
        private final long dynamicSize;
        private final long dataOff;
        private final long dataSize;
        private final long rwEnd;
        private final long rwDelta;
        private final long shstrtabOff;
        private final StringTable shstrtab = new StringTable();
        private final long shOff;

        Layout(StubLibrary library) {
            this.library = library;
            this.code = library.machine().returnZero();
            dynstr.add(library.soname());
            library.versions().forEach(dynstr::add);
            library.symbols().forEach(s -> dynstr.add(s.name()));
            symbolCount = library.symbols().size() + 1;
            int buckets = 1;
            for (int candidate : BUCKET_COUNTS) {
                if (candidate <= symbolCount) {
                    buckets = candidate;
                }
            }
            bucketCount = buckets;
            hasData = library.symbols().stream().anyMatch(s -> s.kind() == StubSymbol.Kind.OBJECT);
            sectionCount = hasData ? 10 : 9;

            hashOff = align(EHDR_SIZE + (long) PROGRAM_HEADERS * PHDR_SIZE, 8);
            hashSize = 4L * (2 + bucketCount + symbolCount);
            dynsymOff = align(hashOff + hashSize, 8);
            dynsymSize = (long) SYM_SIZE * symbolCount;
            dynstrOff = dynsymOff + dynsymSize;
            versymOff = align(dynstrOff + dynstr.size(), 2);
            versymSize = 2L * symbolCount;
            verdefOff = align(versymOff + versymSize, 8);
            verdefSize = (long) (VERDEF_SIZE + VERDAUX_SIZE) * (1 + library.versions().size());
            textOff = align(verdefOff + verdefSize, 16);
            rxEnd = textOff + code.length;

            dynamicOff = align(rxEnd, 16);
            // the writable segment starts on the next 64 KiB boundary in memory, at the same offset within
            // the page as in the file, so the two segments never share a page
            rwDelta = align(rxEnd, SEGMENT_ALIGN);
            dynamicSize = (long) DYN_SIZE * DYNAMIC_ENTRIES;
            dataOff = align(dynamicOff + dynamicSize, 16);
            objectOffsets = new long[library.symbols().size()];
            long cursor = dataOff;
            for (int i = 0; i < library.symbols().size(); i++) {
                StubSymbol symbol = library.symbols().get(i);
                if (symbol.kind() == StubSymbol.Kind.OBJECT) {
                    objectOffsets[i] = cursor;
                    cursor = align(cursor + objectSize(symbol), 16);
                }
            }
            dataSize = cursor - dataOff;
            rwEnd = dataOff + dataSize;

            for (String name : List.of(".hash", ".dynsym", ".dynstr", ".gnu.version", ".gnu.version_d", ".text",
                    ".dynamic", ".data", ".shstrtab")) {
                shstrtab.add(name);
            }
            shstrtabOff = rwEnd;
            shOff = align(shstrtabOff + shstrtab.size(), 8);
        }

        private static long objectSize(StubSymbol symbol) {
            return Math.max(symbol.size(), MIN_OBJECT_SIZE);
        }

        private long address(long offset) {
            return offset >= dynamicOff ? offset + rwDelta : offset;
        }

        byte[] write() {
            ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(shOff + (long) SHDR_SIZE * sectionCount))
                    .order(ByteOrder.LITTLE_ENDIAN);
            writeElfHeader(out);
            writeProgramHeaders(out);
            writeHash(out);
            writeSymbols(out);
            out.put(Math.toIntExact(dynstrOff), dynstr.bytes());
            writeVersym(out);
            writeVerdef(out);
            out.put(Math.toIntExact(textOff), code);
            writeDynamic(out);
            out.put(Math.toIntExact(shstrtabOff), shstrtab.bytes());
            writeSectionHeaders(out);
            return out.array();
        }

        private void writeElfHeader(ByteBuffer out) {
            out.put(0, new byte[] {0x7f, 'E', 'L', 'F', 2 /* 64-bit */, 1 /* little-endian */, 1 /* version */});
            out.putShort(16, (short) ElfFile.ET_DYN);
            out.putShort(18, (short) library.machine().code());
            out.putInt(20, 1);
            out.putLong(24, 0);
            out.putLong(32, EHDR_SIZE);
            out.putLong(40, shOff);
            out.putInt(48, 0);
            out.putShort(52, (short) EHDR_SIZE);
            out.putShort(54, (short) PHDR_SIZE);
            out.putShort(56, (short) PROGRAM_HEADERS);
            out.putShort(58, (short) SHDR_SIZE);
            out.putShort(60, (short) sectionCount);
            out.putShort(62, (short) (sectionCount - 1));
        }

        private void writeProgramHeaders(ByteBuffer out) {
            int at = EHDR_SIZE;
            programHeader(out, at, ProgramHeader.PT_LOAD, ProgramHeader.PF_R | ProgramHeader.PF_X, 0, rxEnd,
                    SEGMENT_ALIGN);
            programHeader(out, at + PHDR_SIZE, ProgramHeader.PT_LOAD, ProgramHeader.PF_R | ProgramHeader.PF_W,
                    dynamicOff, rwEnd - dynamicOff, SEGMENT_ALIGN);
            // writable because glibc may write into .dynamic of the objects it loads
            programHeader(out, at + 2 * PHDR_SIZE, ProgramHeader.PT_DYNAMIC, ProgramHeader.PF_R | ProgramHeader.PF_W,
                    dynamicOff, dynamicSize, 8);
            // present with RW flags: without PT_GNU_STACK the loader would make every thread stack executable
            out.putInt(at + 3 * PHDR_SIZE, ProgramHeader.PT_GNU_STACK);
            out.putInt(at + 3 * PHDR_SIZE + 4, ProgramHeader.PF_R | ProgramHeader.PF_W);
            out.putLong(at + 3 * PHDR_SIZE + 48, 16);
        }

        private void programHeader(ByteBuffer out, int at, int type, int flags, long offset, long size, long align) {
            out.putInt(at, type);
            out.putInt(at + 4, flags);
            out.putLong(at + 8, offset);
            out.putLong(at + 16, address(offset));
            out.putLong(at + 24, address(offset));
            out.putLong(at + 32, size);
            out.putLong(at + 40, size);
            out.putLong(at + 48, align);
        }

        private void writeHash(ByteBuffer out) {
            int[] buckets = new int[bucketCount];
            int[] chains = new int[symbolCount];
            for (int index = 1; index < symbolCount; index++) {
                int bucket = (int) (ElfHash.of(library.symbols().get(index - 1).name()) % bucketCount);
                chains[index] = buckets[bucket];
                buckets[bucket] = index;
            }
            int at = Math.toIntExact(hashOff);
            out.putInt(at, bucketCount);
            out.putInt(at + 4, symbolCount);
            for (int i = 0; i < bucketCount; i++) {
                out.putInt(at + 8 + 4 * i, buckets[i]);
            }
            for (int i = 0; i < symbolCount; i++) {
                out.putInt(at + 8 + 4 * bucketCount + 4 * i, chains[i]);
            }
        }

        private void writeSymbols(ByteBuffer out) {
            for (int i = 0; i < library.symbols().size(); i++) {
                StubSymbol symbol = library.symbols().get(i);
                int at = Math.toIntExact(dynsymOff + (long) SYM_SIZE * (i + 1));
                boolean function = symbol.kind() == StubSymbol.Kind.FUNCTION;
                int type = function ? DynamicSymbol.STT_FUNC : DynamicSymbol.STT_OBJECT;
                out.putInt(at, dynstr.indexOf(symbol.name()));
                out.put(at + 4, (byte) (DynamicSymbol.STB_GLOBAL << 4 | type));
                out.put(at + 5, (byte) 0);
                out.putShort(at + 6, (short) (function ? SEC_TEXT : SEC_DATA));
                out.putLong(at + 8, function ? address(textOff) : address(objectOffsets[i]));
                out.putLong(at + 16, function ? code.length : objectSize(symbol));
            }
        }

        private void writeVersym(ByteBuffer out) {
            Set<String> named = new HashSet<>();
            for (int i = 0; i < library.symbols().size(); i++) {
                StubSymbol symbol = library.symbols().get(i);
                int index = symbol.version().map(v -> 2 + library.versions().indexOf(v)).orElse(VERSYM_GLOBAL);
                // a name defined under several versions has one default; the others are only reachable by version
                if (!named.add(symbol.name())) {
                    index |= VERSYM_HIDDEN;
                }
                out.putShort(Math.toIntExact(versymOff + 2L * (i + 1)), (short) index);
            }
        }

        private void writeVerdef(ByteBuffer out) {
            List<String> names = new ArrayList<>();
            names.add(library.soname());
            names.addAll(library.versions());
            for (int i = 0; i < names.size(); i++) {
                int at = Math.toIntExact(verdefOff + (long) (VERDEF_SIZE + VERDAUX_SIZE) * i);
                boolean last = i == names.size() - 1;
                out.putShort(at, (short) 1);
                out.putShort(at + 2, (short) (i == 0 ? VersionDefinition.VER_FLG_BASE : 0));
                out.putShort(at + 4, (short) (i + 1));
                out.putShort(at + 6, (short) 1);
                out.putInt(at + 8, (int) ElfHash.of(names.get(i)));
                out.putInt(at + 12, VERDEF_SIZE);
                out.putInt(at + 16, last ? 0 : VERDEF_SIZE + VERDAUX_SIZE);
                out.putInt(at + VERDEF_SIZE, dynstr.indexOf(names.get(i)));
                out.putInt(at + VERDEF_SIZE + 4, 0);
            }
        }

        private void writeDynamic(ByteBuffer out) {
            long[][] entries = {
                    {DynamicEntry.DT_SONAME, dynstr.indexOf(library.soname())},
                    {DynamicEntry.DT_HASH, address(hashOff)},
                    {DynamicEntry.DT_STRTAB, address(dynstrOff)},
                    {DynamicEntry.DT_SYMTAB, address(dynsymOff)},
                    {DynamicEntry.DT_STRSZ, dynstr.size()},
                    {DynamicEntry.DT_SYMENT, SYM_SIZE},
                    {DynamicEntry.DT_VERSYM, address(versymOff)},
                    {DynamicEntry.DT_VERDEF, address(verdefOff)},
                    {DynamicEntry.DT_VERDEFNUM, 1 + library.versions().size()},
                    {DynamicEntry.DT_NULL, 0},
            };
            for (int i = 0; i < entries.length; i++) {
                int at = Math.toIntExact(dynamicOff + (long) DYN_SIZE * i);
                out.putLong(at, entries[i][0]);
                out.putLong(at + 8, entries[i][1]);
            }
        }

        private void writeSectionHeaders(ByteBuffer out) {
            long a = SectionHeader.SHF_ALLOC;
            sectionHeader(out, SEC_HASH, ".hash", SectionHeader.SHT_HASH, a, hashOff, hashSize, SEC_DYNSYM, 0, 8, 4);
            sectionHeader(out, SEC_DYNSYM, ".dynsym", SectionHeader.SHT_DYNSYM, a, dynsymOff, dynsymSize, SEC_DYNSTR,
                    1, 8, SYM_SIZE);
            sectionHeader(out, SEC_DYNSTR, ".dynstr", SectionHeader.SHT_STRTAB, a, dynstrOff, dynstr.size(), 0, 0, 1, 0);
            sectionHeader(out, SEC_VERSYM, ".gnu.version", SectionHeader.SHT_GNU_VERSYM, a, versymOff, versymSize,
                    SEC_DYNSYM, 0, 2, 2);
            sectionHeader(out, SEC_VERDEF, ".gnu.version_d", SectionHeader.SHT_GNU_VERDEF, a, verdefOff, verdefSize,
                    SEC_DYNSTR, 1 + library.versions().size(), 8, 0);
            sectionHeader(out, SEC_TEXT, ".text", SectionHeader.SHT_PROGBITS, a | SectionHeader.SHF_EXECINSTR, textOff,
                    code.length, 0, 0, 16, 0);
            sectionHeader(out, SEC_DYNAMIC, ".dynamic", SectionHeader.SHT_DYNAMIC, a | SectionHeader.SHF_WRITE,
                    dynamicOff, dynamicSize, SEC_DYNSTR, 0, 8, DYN_SIZE);
            if (hasData) {
                sectionHeader(out, SEC_DATA, ".data", SectionHeader.SHT_PROGBITS, a | SectionHeader.SHF_WRITE, dataOff,
                        dataSize, 0, 0, 16, 0);
            }
            int shstrtabIndex = sectionCount - 1;
            int at = Math.toIntExact(shOff + (long) SHDR_SIZE * shstrtabIndex);
            out.putInt(at, shstrtab.indexOf(".shstrtab"));
            out.putInt(at + 4, SectionHeader.SHT_STRTAB);
            out.putLong(at + 24, shstrtabOff);
            out.putLong(at + 32, shstrtab.size());
            out.putLong(at + 48, 1);
        }

        private void sectionHeader(ByteBuffer out, int index, String name, int type, long flags, long offset,
                                   long size, int link, int info, long align, long entrySize) {
            int at = Math.toIntExact(shOff + (long) SHDR_SIZE * index);
            out.putInt(at, shstrtab.indexOf(name));
            out.putInt(at + 4, type);
            out.putLong(at + 8, flags);
            out.putLong(at + 16, address(offset));
            out.putLong(at + 24, offset);
            out.putLong(at + 32, size);
            out.putInt(at + 40, link);
            out.putInt(at + 44, info);
            out.putLong(at + 48, align);
            out.putLong(at + 56, entrySize);
        }
    }

    /** A NUL-separated string table starting with the empty string, each string stored once. */
    private static final class StringTable {
        private final Map<String, Integer> offsets = new LinkedHashMap<>();
        private int size = 1;

        StringTable() {
            offsets.put("", 0);
        }

        void add(String value) {
            if (!offsets.containsKey(value)) {
                offsets.put(value, size);
                size += value.getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }

        int indexOf(String value) {
            Integer offset = offsets.get(value);
            if (offset == null) {
                throw new IllegalStateException("string not in table: " + value);
            }
            return offset;
        }

        int size() {
            return size;
        }

        byte[] bytes() {
            ByteBuffer out = ByteBuffer.allocate(size);
            out.put((byte) 0);
            offsets.keySet().stream().skip(1).forEach(s -> {
                out.put(s.getBytes(StandardCharsets.UTF_8));
                out.put((byte) 0);
            });
            return out.array();
        }
    }
}
