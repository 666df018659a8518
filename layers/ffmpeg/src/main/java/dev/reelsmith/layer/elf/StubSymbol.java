package dev.reelsmith.layer.elf;

import java.util.Objects;
import java.util.Optional;

/**
 * A symbol a stub library defines so that the dynamic loader can bind an import to it.
 *
 * @param name    the symbol name
 * @param version the version name it is defined under, or empty for an unversioned definition
 * @param kind    whether it is a function (points at "return 0" code) or data (points at zeroed memory)
 * @param size    the size of the data the import expects, in bytes; 0 when unknown. Ignored for functions.
 */
public record StubSymbol(String name, Optional<String> version, Kind kind, long size) {

    /** What a stub symbol points at. */
    public enum Kind { FUNCTION, OBJECT }

    public StubSymbol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (version.isPresent() && version.get().isBlank()) {
            throw new IllegalArgumentException("version must not be blank, symbol was " + name);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
    }

    public static StubSymbol function(String name, Optional<String> version) {
        return new StubSymbol(name, version, Kind.FUNCTION, 0);
    }

    /** {@code name@VERSION}, or the bare name when unversioned. */
    public String qualifiedName() {
        return version.map(v -> name + "@" + v).orElse(name);
    }
}
