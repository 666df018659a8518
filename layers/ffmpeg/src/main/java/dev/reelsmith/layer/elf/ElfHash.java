package dev.reelsmith.layer.elf;

import java.nio.charset.StandardCharsets;

/** The SysV ELF hash function, used by {@code DT_HASH} tables and by the {@code vd_hash}/{@code vna_hash} fields. */
public final class ElfHash {
    private ElfHash() {
    }

    /** The 32-bit hash of {@code name}'s bytes, as an unsigned value. */
    public static long of(String name) {
        long h = 0;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            // 32-bit unsigned arithmetic, as in the C definition: the shift may carry past bit 31
            h = ((h << 4) + (b & 0xff)) & 0xffffffffL;
            long g = h & 0xf0000000L;
            if (g != 0) {
                h ^= g >>> 24;
            }
            h &= ~g;
        }
        return h;
    }
}
