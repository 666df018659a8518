package dev.reelsmith.layer.elf;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an ELF file's dynamic symbol table ({@code .dynsym}), with its symbol version resolved:
 * for an import, the version and the file the version is required from ({@code .gnu.version_r}); for a
 * definition, the version the file defines it under ({@code .gnu.version_d}).
 *
 * @param name     the symbol name, without any {@code @VERSION} suffix
 * @param binding  {@code STB_LOCAL} (0), {@code STB_GLOBAL} (1), {@code STB_WEAK} (2) or another binding
 * @param type     {@code STT_NOTYPE} (0), {@code STT_OBJECT} (1), {@code STT_FUNC} (2), {@code STT_TLS} (6) or another type
 * @param section  the section index ({@code SHN_UNDEF} = 0 for an import)
 * @param value    the symbol's address (0 for an import)
 * @param size     the size the symbol table records
 * @param version  the version name, when the symbol is versioned
 * @param versionFile for an import with a version, the library the version is needed from
 */
public record DynamicSymbol(String name, int binding, int type, int section, long value, long size,
                            Optional<String> version, Optional<String> versionFile) {

    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;
    public static final int STT_NOTYPE = 0;
    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STT_TLS = 6;

    public DynamicSymbol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(versionFile, "versionFile");
        if (versionFile.isPresent() && version.isEmpty()) {
            throw new IllegalArgumentException("versionFile needs a version, symbol was " + name);
        }
    }

    /** True when the symbol is not defined in this file and must be found in another one at load time. */
    public boolean isUndefined() {
        return section == 0;
    }

    public boolean isWeak() {
        return binding == STB_WEAK;
    }

    /** True for a defined global or weak symbol other files can bind to. */
    public boolean isExported() {
        return !isUndefined() && binding != STB_LOCAL;
    }

    /** {@code name@VERSION}, or the bare name when unversioned: the way readelf shows it. */
    public String qualifiedName() {
        return version.map(v -> name + "@" + v).orElse(name);
    }
}
