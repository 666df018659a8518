package dev.reelsmith.layer.elf;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a generated stub shared library contains: its soname, the symbol versions it defines and the
 * symbols it exports. It stands in for a system library that FFmpeg links against but never uses in a
 * batch render (PulseAudio, ALSA, X11 capture), so that the loader can start ffmpeg where the real one is
 * absent.
 *
 * @param soname   the {@code DT_SONAME}, also the file name it is written under
 * @param machine  the processor the library is for
 * @param versions the version names it defines (besides the base version named after the soname), in order
 * @param symbols  the symbols it exports; each versioned one's version must be in {@code versions}
 */
public record StubLibrary(String soname, ElfMachine machine, List<String> versions, List<StubSymbol> symbols) {

    public StubLibrary {
        Objects.requireNonNull(soname, "soname");
        Objects.requireNonNull(machine, "machine");
        versions = List.copyOf(versions);
        symbols = List.copyOf(symbols);
        if (soname.isBlank() || soname.contains("/")) {
            throw new IllegalArgumentException("soname must be a file name, was '" + soname + "'");
        }
        if (new HashSet<>(versions).size() != versions.size()) {
            throw new IllegalArgumentException("versions must be unique, were " + versions);
        }
        if (versions.contains(soname)) {
            throw new IllegalArgumentException("versions must not repeat the soname " + soname);
        }
        Set<String> seen = new HashSet<>();
        for (StubSymbol symbol : symbols) {
            if (symbol.version().isPresent() && !versions.contains(symbol.version().get())) {
                throw new IllegalArgumentException("symbol " + symbol.qualifiedName() + " uses version "
                        + symbol.version().get() + " which " + soname + " does not define; versions were " + versions);
            }
            if (!seen.add(symbol.qualifiedName())) {
                throw new IllegalArgumentException("symbol " + symbol.qualifiedName() + " is listed twice in " + soname);
            }
        }
    }
}
