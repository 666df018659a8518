package dev.reelsmith.layer.elf;

/**
 * One entry of {@code .gnu.version_d}: a symbol version a shared library defines. The entry flagged
 * {@link #VER_FLG_BASE} names the library itself (its soname) rather than a version.
 *
 * @param index the version index symbols refer to from {@code .gnu.version}
 * @param flags {@code vd_flags}
 * @param hash  {@code vd_hash}, the SysV ELF hash of the name
 * @param name  the version name
 */
public record VersionDefinition(int index, int flags, long hash, String name) {
    public static final int VER_FLG_BASE = 1;

    public boolean isBase() {
        return (flags & VER_FLG_BASE) != 0;
    }
}
