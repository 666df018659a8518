package dev.reelsmith.layer;

import dev.reelsmith.layer.elf.DynamicSymbol;
import dev.reelsmith.layer.elf.ElfFile;
import dev.reelsmith.layer.elf.GlibcVersions;
import dev.reelsmith.layer.elf.StubLibrary;
import dev.reelsmith.layer.elf.StubSymbol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What goes into one architecture's layer, derived from the binaries themselves: the files
 * {@code ffmpeg} and {@code ffprobe} need ({@code DT_NEEDED}, transitively) that the jar provides, and one stub
 * for each needed library that is neither in the jar nor on the host, exporting exactly what the shipped
 * files import from it.
 *
 * @param architecture the target
 * @param shipped      the files to copy from the jar, sorted by name, executables included
 * @param stubs        the libraries to generate, sorted by soname
 * @param glibcFloor   the highest {@code GLIBC_} symbol version any shipped file requires
 */
public record LayerPlan(Architecture architecture, List<ElfFile> shipped, List<StubLibrary> stubs,
                        String glibcFloor) {

    /** The two programs the layer exists for; everything else is shipped only because they need it. */
    public static final List<String> EXECUTABLES = List.of("ffmpeg", "ffprobe");

    public LayerPlan {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(glibcFloor, "glibcFloor");
        shipped = List.copyOf(shipped);
        stubs = List.copyOf(stubs);
    }

    /**
     * Plans the layer from {@code available}: every ELF file of the jar's platform folder, by file name.
     *
     * @throws LayerBuildException when an executable is missing, a file is for another machine, or a missing
     *                             library is imported from in a way a stub cannot satisfy (thread-local data)
     */
    public static LayerPlan of(Architecture architecture, Map<String, ElfFile> available) {
        for (String executable : EXECUTABLES) {
            if (!available.containsKey(executable)) {
                throw new LayerBuildException("no " + executable + " among the binaries " + new TreeMap<>(available).keySet());
            }
        }
        Set<String> host = architecture.hostLibraries();
        TreeMap<String, ElfFile> shipped = new TreeMap<>();
        Set<String> missing = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(EXECUTABLES);
        while (!queue.isEmpty()) {
            String name = queue.removeFirst();
            if (shipped.containsKey(name)) {
                continue;
            }
            ElfFile file = available.get(name);
            checkMachine(architecture, file);
            shipped.put(name, file);
            for (String needed : file.needed()) {
                if (available.containsKey(needed)) {
                    queue.addLast(needed);
                } else if (!host.contains(needed)) {
                    missing.add(needed);
                }
            }
        }
        List<StubLibrary> stubs = stubs(architecture, shipped, missing);
        String floor = shipped.values().stream().map(ElfFile::glibcFloor).flatMap(Optional::stream)
                .max(GlibcVersions.ORDER)
                .orElseThrow(() -> new LayerBuildException("no shipped file requires any GLIBC_ version; "
                        + "these are not glibc binaries"));
        return new LayerPlan(architecture, List.copyOf(shipped.values()), stubs, floor);
    }

    /** The shipped file called {@code name}. */
    public Optional<ElfFile> file(String name) {
        return shipped.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static void checkMachine(Architecture architecture, ElfFile file) {
        if (file.machineCode() != architecture.machine().code()) {
            throw new LayerBuildException(file.name() + " is built for ELF machine " + file.machineCode()
                    + ", not " + architecture.folder() + " (" + architecture.machine().code() + ")");
        }
    }

    private static List<StubLibrary> stubs(Architecture architecture, Map<String, ElfFile> shipped,
                                           Set<String> missing) {
        Set<String> exported = new HashSet<>();
        shipped.values().forEach(f -> exported.addAll(f.exportedNames()));
        Map<String, Set<String>> versions = new TreeMap<>();
        Map<String, Map<String, StubSymbol>> symbols = new TreeMap<>();
        missing.forEach(m -> {
            versions.put(m, new LinkedHashSet<>());
            symbols.put(m, new TreeMap<>());
        });
        for (ElfFile file : shipped.values()) {
            List<String> missingNeeded = file.needed().stream().filter(missing::contains).toList();
            if (missingNeeded.isEmpty()) {
                continue;
            }
            for (String library : missingNeeded) {
                versions.get(library).addAll(file.versionNeeds().getOrDefault(library, List.of()));
            }
            // unversioned imports carry no file name: give them to every missing library this file needs that
            // is not versioned (libxcb and libxcb-shm both get all xcb_* names), or to all its missing ones if
            // every one is versioned; a duplicate definition in two stubs is harmless
            List<String> unversionedTargets = missingNeeded.stream()
                    .filter(l -> !file.versionNeeds().containsKey(l)).toList();
            if (unversionedTargets.isEmpty()) {
                unversionedTargets = missingNeeded;
            }
            for (DynamicSymbol imported : file.imports()) {
                if (imported.isWeak()) {
                    continue;
                }
                if (imported.versionFile().isPresent()) {
                    if (missing.contains(imported.versionFile().get())) {
                        add(symbols.get(imported.versionFile().get()), file, imported);
                    }
                } else if (imported.version().isEmpty() && !exported.contains(imported.name())) {
                    for (String library : unversionedTargets) {
                        add(symbols.get(library), file, imported);
                    }
                }
            }
        }
        List<StubLibrary> stubs = new ArrayList<>();
        for (String library : symbols.keySet()) {
            List<StubSymbol> sorted = symbols.get(library).values().stream()
                    .sorted(Comparator.comparing(StubSymbol::name).thenComparing(StubSymbol::qualifiedName))
                    .toList();
            stubs.add(new StubLibrary(library, architecture.machine(), List.copyOf(versions.get(library)), sorted));
        }
        return List.copyOf(stubs);
    }

    private static void add(Map<String, StubSymbol> into, ElfFile file, DynamicSymbol imported) {
        if (imported.type() == DynamicSymbol.STT_TLS) {
            throw new LayerBuildException(file.name() + " imports thread-local " + imported.qualifiedName()
                    + ", which a stub library cannot provide");
        }
        // an untyped import (STT_NOTYPE) is nearly always a function from assembly; a function stub is also the
        // safe choice for data that is only read, while a data stub called as code would fault
        StubSymbol.Kind kind = imported.type() == DynamicSymbol.STT_OBJECT
                ? StubSymbol.Kind.OBJECT : StubSymbol.Kind.FUNCTION;
        into.putIfAbsent(imported.qualifiedName(), new StubSymbol(imported.name(), imported.version(), kind,
                kind == StubSymbol.Kind.OBJECT ? imported.size() : 0));
    }
}
