package dev.reelsmith.layer.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of a 64-bit little-endian ELF file (an executable or a shared library) as the dynamic
 * loader sees it: which libraries it needs, which symbols it imports and exports and under which versions.
 * Used at build time to learn, from the shipped binaries themselves, what the FFmpeg layer must provide.
 */
public final class ElfFile {
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;

    private static final int VERSYM_HIDDEN = 0x8000;

    private final String name;
    private final ByteBuffer bytes;
    private final List<ProgramHeader> programHeaders;
    private final List<SectionHeader> sections;
    private final List<DynamicEntry> dynamicEntries;
    private final List<VersionDefinition> versionDefinitions;
    private final Map<String, List<String>> versionNeeds;
    private final List<DynamicSymbol> dynamicSymbols;

    private ElfFile(String name, byte[] content) {
        this.name = name;
        this.bytes = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        checkIdent();
        this.programHeaders = readProgramHeaders();
        this.sections = readSections();
        this.dynamicEntries = readDynamicEntries();
        this.versionDefinitions = readVersionDefinitions();
        Map<Integer, String[]> neededVersionsByIndex = new LinkedHashMap<>();
        this.versionNeeds = readVersionNeeds(neededVersionsByIndex);
        this.dynamicSymbols = readDynamicSymbols(neededVersionsByIndex);
    }

    /** Reads the file at {@code path}; its file name becomes {@link #name()}. */
    public static ElfFile read(Path path) throws IOException {
        return parse(path.getFileName().toString(), Files.readAllBytes(path));
    }

    /**
     * Parses {@code content}; {@code name} is only used in messages.
     *
     * @throws ElfFormatException when the content is not a 64-bit little-endian ELF file or is truncated
     */
    public static ElfFile parse(String name, byte[] content) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        try {
            return new ElfFile(name, content);
        } catch (IndexOutOfBoundsException | IllegalArgumentException | ArithmeticException e) {
            throw new ElfFormatException(name + " is truncated or has a table pointing outside the file ("
                    + e.getMessage() + ")");
        }
    }

    /** True when {@code content} starts with the ELF magic number. */
    public static boolean isElf(byte[] content) {
        return content.length >= 4 && content[0] == 0x7f && content[1] == 'E' && content[2] == 'L' && content[3] == 'F';
    }

    public String name() {
        return name;
    }

    /** A copy of the file's bytes. */
    public byte[] content() {
        return bytes.array().clone();
    }

    /** The file's size in bytes. */
    public long size() {
        return bytes.capacity();
    }

    /** {@code e_type}: {@link #ET_EXEC}, {@link #ET_DYN} (shared libraries and PIE executables), ... */
    public int type() {
        return Short.toUnsignedInt(bytes.getShort(16));
    }

    /** {@code e_machine}. */
    public int machineCode() {
        return Short.toUnsignedInt(bytes.getShort(18));
    }

    /** The machine, when it is one the layer is built for. */
    public Optional<ElfMachine> machine() {
        return ElfMachine.of(machineCode());
    }

    public List<ProgramHeader> programHeaders() {
        return programHeaders;
    }

    public List<SectionHeader> sections() {
        return sections;
    }

    public Optional<SectionHeader> section(String sectionName) {
        return sections.stream().filter(s -> s.name().equals(sectionName)).findFirst();
    }

    /** The {@code .dynamic} entries up to (not including) {@code DT_NULL}; empty for a static file. */
    public List<DynamicEntry> dynamicEntries() {
        return dynamicEntries;
    }

    public Optional<String> soname() {
        return dynamicStrings(DynamicEntry.DT_SONAME).stream().findFirst();
    }

    /** The {@code DT_NEEDED} libraries, in the order the loader loads them. */
    public List<String> needed() {
        return dynamicStrings(DynamicEntry.DT_NEEDED);
    }

    public Optional<String> runpath() {
        return dynamicStrings(DynamicEntry.DT_RUNPATH).stream().findFirst();
    }

    public Optional<String> rpath() {
        return dynamicStrings(DynamicEntry.DT_RPATH).stream().findFirst();
    }

    /** Every {@code .dynsym} entry except the null symbol at index 0, in table order. */
    public List<DynamicSymbol> dynamicSymbols() {
        return dynamicSymbols;
    }

    /** The symbols the loader must find in other files: undefined, not local. */
    public List<DynamicSymbol> imports() {
        return dynamicSymbols.stream().filter(s -> s.isUndefined() && s.binding() != DynamicSymbol.STB_LOCAL).toList();
    }

    /** Names of the symbols this file defines for others. */
    public Set<String> exportedNames() {
        Set<String> names = new LinkedHashSet<>();
        dynamicSymbols.stream().filter(DynamicSymbol::isExported).forEach(s -> names.add(s.name()));
        return Collections.unmodifiableSet(names);
    }

    /** {@code .gnu.version_d}, including the base entry; empty when the file defines no versions. */
    public List<VersionDefinition> versionDefinitions() {
        return versionDefinitions;
    }

    /** {@code .gnu.version_r}: for each library, the version names required from it, in file order. */
    public Map<String, List<String>> versionNeeds() {
        return versionNeeds;
    }

    /**
     * The highest {@code GLIBC_x.y[.z]} version this file requires, if any: the oldest glibc it can run on.
     */
    public Optional<String> glibcFloor() {
        return versionNeeds.values().stream().flatMap(List::stream)
                .filter(GlibcVersions::isGlibc)
                .max(GlibcVersions.ORDER);
    }

    /**
     * Looks {@code symbolName} up the way the loader does in a library that has only a SysV {@code DT_HASH}
     * table: bucket, then chain. Empty when the file has no {@code DT_HASH} or the symbol is not in it.
     */
    public Optional<DynamicSymbol> lookupByHash(String symbolName) {
        Optional<Long> hashAddress = dynamicValue(DynamicEntry.DT_HASH);
        if (hashAddress.isEmpty()) {
            return Optional.empty();
        }
        int table = fileOffset(hashAddress.get());
        int nbucket = bytes.getInt(table);
        int nchain = bytes.getInt(table + 4);
        long hash = ElfHash.of(symbolName);
        int index = bytes.getInt(table + 8 + (int) (hash % nbucket) * 4);
        for (int guard = 0; index != 0 && guard <= nchain; guard++) {
            DynamicSymbol candidate = dynamicSymbols.get(index - 1);
            if (candidate.name().equals(symbolName)) {
                return Optional.of(candidate);
            }
            index = bytes.getInt(table + 8 + nbucket * 4 + index * 4);
        }
        return Optional.empty();
    }

    /** {@code length} bytes of the memory image at virtual address {@code address}, read from the file. */
    public byte[] bytesAt(long address, int length) {
        int offset = fileOffset(address);
        byte[] out = new byte[length];
        bytes.get(offset, out);
        return out;
    }

    /** The program header whose memory image holds {@code address}. */
    public Optional<ProgramHeader> segmentAt(long address) {
        return programHeaders.stream()
                .filter(p -> p.type() == ProgramHeader.PT_LOAD && p.containsAddress(address))
                .findFirst();
    }

    private void checkIdent() {
        if (!isElf(bytes.array())) {
            throw new ElfFormatException(name + " is not an ELF file");
        }
        if (bytes.capacity() < 64 || bytes.get(4) != 2 || bytes.get(5) != 1) {
            throw new ElfFormatException(name + " is not a 64-bit little-endian ELF file (class "
                    + bytes.get(4) + ", data " + bytes.get(5) + ")");
        }
    }

    private List<ProgramHeader> readProgramHeaders() {
        long phoff = bytes.getLong(32);
        int phentsize = Short.toUnsignedInt(bytes.getShort(54));
        int phnum = Short.toUnsignedInt(bytes.getShort(56));
        List<ProgramHeader> headers = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int at = Math.toIntExact(phoff + (long) i * phentsize);
            headers.add(new ProgramHeader(bytes.getInt(at), bytes.getInt(at + 4), bytes.getLong(at + 8),
                    bytes.getLong(at + 16), bytes.getLong(at + 32), bytes.getLong(at + 40), bytes.getLong(at + 48)));
        }
        return List.copyOf(headers);
    }

    private List<SectionHeader> readSections() {
        long shoff = bytes.getLong(40);
        int shentsize = Short.toUnsignedInt(bytes.getShort(58));
        int shnum = Short.toUnsignedInt(bytes.getShort(60));
        int shstrndx = Short.toUnsignedInt(bytes.getShort(62));
        if (shnum == 0) {
            return List.of();
        }
        int namesOffset = Math.toIntExact(bytes.getLong(Math.toIntExact(shoff + (long) shstrndx * shentsize) + 24));
        List<SectionHeader> headers = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            int at = Math.toIntExact(shoff + (long) i * shentsize);
            headers.add(new SectionHeader(string(namesOffset, bytes.getInt(at)), bytes.getInt(at + 4),
                    bytes.getLong(at + 8), bytes.getLong(at + 16), bytes.getLong(at + 24), bytes.getLong(at + 32),
                    bytes.getInt(at + 40), bytes.getInt(at + 44), bytes.getLong(at + 48), bytes.getLong(at + 56)));
        }
        return List.copyOf(headers);
    }

    private List<DynamicEntry> readDynamicEntries() {
        Optional<ProgramHeader> dynamic = programHeaders.stream()
                .filter(p -> p.type() == ProgramHeader.PT_DYNAMIC).findFirst();
        if (dynamic.isEmpty()) {
            return List.of();
        }
        List<DynamicEntry> entries = new ArrayList<>();
        int start = Math.toIntExact(dynamic.get().offset());
        for (int at = start; at + 16 <= start + dynamic.get().fileSize(); at += 16) {
            long tag = bytes.getLong(at);
            if (tag == DynamicEntry.DT_NULL) {
                break;
            }
            entries.add(new DynamicEntry(tag, bytes.getLong(at + 8)));
        }
        return List.copyOf(entries);
    }

    private Optional<Long> dynamicValue(long tag) {
        return dynamicEntries.stream().filter(e -> e.tag() == tag).map(DynamicEntry::value).findFirst();
    }

    private List<String> dynamicStrings(long tag) {
        Optional<Long> strtab = dynamicValue(DynamicEntry.DT_STRTAB);
        if (strtab.isEmpty()) {
            return List.of();
        }
        int base = fileOffset(strtab.get());
        return dynamicEntries.stream().filter(e -> e.tag() == tag)
                .map(e -> string(base, Math.toIntExact(e.value()))).toList();
    }

    private List<VersionDefinition> readVersionDefinitions() {
        Optional<SectionHeader> verdef = sectionOfType(SectionHeader.SHT_GNU_VERDEF);
        if (verdef.isEmpty()) {
            return List.of();
        }
        int strings = Math.toIntExact(sections.get(verdef.get().link()).offset());
        List<VersionDefinition> definitions = new ArrayList<>();
        int at = Math.toIntExact(verdef.get().offset());
        for (int i = 0; i < verdef.get().info(); i++) {
            int flags = Short.toUnsignedInt(bytes.getShort(at + 2));
            int index = Short.toUnsignedInt(bytes.getShort(at + 4));
            long hash = Integer.toUnsignedLong(bytes.getInt(at + 8));
            int aux = bytes.getInt(at + 12);
            String versionName = string(strings, bytes.getInt(at + aux));
            definitions.add(new VersionDefinition(index, flags, hash, versionName));
            int next = bytes.getInt(at + 16);
            if (next == 0) {
                break;
            }
            at += next;
        }
        return List.copyOf(definitions);
    }

    private Map<String, List<String>> readVersionNeeds(Map<Integer, String[]> byIndex) {
        Optional<SectionHeader> verneed = sectionOfType(SectionHeader.SHT_GNU_VERNEED);
        if (verneed.isEmpty()) {
            return Map.of();
        }
        int strings = Math.toIntExact(sections.get(verneed.get().link()).offset());
        Map<String, List<String>> needs = new LinkedHashMap<>();
        int at = Math.toIntExact(verneed.get().offset());
        for (int i = 0; i < verneed.get().info(); i++) {
            int count = Short.toUnsignedInt(bytes.getShort(at + 2));
            String file = string(strings, bytes.getInt(at + 4));
            List<String> versions = needs.computeIfAbsent(file, f -> new ArrayList<>());
            int aux = at + bytes.getInt(at + 8);
            for (int j = 0; j < count; j++) {
                String versionName = string(strings, bytes.getInt(aux + 8));
                int other = Short.toUnsignedInt(bytes.getShort(aux + 6));
                versions.add(versionName);
                byIndex.put(other, new String[] {versionName, file});
                aux += bytes.getInt(aux + 12);
            }
            int next = bytes.getInt(at + 12);
            if (next == 0) {
                break;
            }
            at += next;
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        needs.forEach((file, versions) -> frozen.put(file, List.copyOf(versions)));
        return Collections.unmodifiableMap(frozen);
    }

    private List<DynamicSymbol> readDynamicSymbols(Map<Integer, String[]> neededVersionsByIndex) {
        Optional<SectionHeader> dynsym = sectionOfType(SectionHeader.SHT_DYNSYM);
        if (dynsym.isEmpty()) {
            return List.of();
        }
        int strings = Math.toIntExact(sections.get(dynsym.get().link()).offset());
        Optional<SectionHeader> versym = sectionOfType(SectionHeader.SHT_GNU_VERSYM);
        long entrySize = dynsym.get().entrySize() == 0 ? 24 : dynsym.get().entrySize();
        int count = Math.toIntExact(dynsym.get().size() / entrySize);
        List<DynamicSymbol> symbols = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int at = Math.toIntExact(dynsym.get().offset() + i * entrySize);
            int info = Byte.toUnsignedInt(bytes.get(at + 4));
            int section = Short.toUnsignedInt(bytes.getShort(at + 6));
            Optional<String> version = Optional.empty();
            Optional<String> versionFile = Optional.empty();
            if (versym.isPresent()) {
                int index = Short.toUnsignedInt(bytes.getShort(Math.toIntExact(versym.get().offset() + 2L * i)))
                        & ~VERSYM_HIDDEN;
                String[] needed = neededVersionsByIndex.get(index);
                if (index > 1 && section == 0 && needed != null) {
                    version = Optional.of(needed[0]);
                    versionFile = Optional.of(needed[1]);
                } else if (index > 1) {
                    version = versionDefinitions.stream().filter(d -> d.index() == index && !d.isBase())
                            .map(VersionDefinition::name).findFirst();
                }
            }
            symbols.add(new DynamicSymbol(string(strings, bytes.getInt(at)), info >> 4, info & 0xf, section,
                    bytes.getLong(at + 8), bytes.getLong(at + 16), version, versionFile));
        }
        return List.copyOf(symbols);
    }

    private Optional<SectionHeader> sectionOfType(int sectionType) {
        return sections.stream().filter(s -> s.type() == sectionType).findFirst();
    }

    private int fileOffset(long address) {
        ProgramHeader segment = segmentAt(address).orElseThrow(() -> new ElfFormatException(
                name + " has no loaded segment holding address 0x" + Long.toHexString(address)));
        return Math.toIntExact(segment.offset() + (address - segment.virtualAddress()));
    }

    private String string(int tableOffset, int index) {
        int start = tableOffset + index;
        int end = start;
        while (bytes.get(end) != 0) {
            end++;
        }
        return new String(bytes.array(), start, end - start, StandardCharsets.UTF_8);
    }
}
