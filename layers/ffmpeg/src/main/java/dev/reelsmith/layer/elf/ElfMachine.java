package dev.reelsmith.layer.elf;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two processor architectures the FFmpeg layer is built for, with their ELF {@code e_machine} code and
 * the machine code a stub function runs: "return 0".
 */
public enum ElfMachine {
    /** AMD64: {@code xor eax, eax; ret}. */
    X86_64(62, new byte[] {0x31, (byte) 0xc0, (byte) 0xc3}),
    /** AArch64: {@code mov x0, #0; ret}, two little-endian instruction words. */
    AARCH64(183, new byte[] {0x00, 0x00, (byte) 0x80, (byte) 0xd2, (byte) 0xc0, 0x03, 0x5f, (byte) 0xd6});

    private final int code;
    private final byte[] returnZero;

    ElfMachine(int code, byte[] returnZero) {
        this.code = code;
        this.returnZero = returnZero;
    }

    /** The {@code e_machine} value ({@code EM_X86_64} = 62, {@code EM_AARCH64} = 183). */
    public int code() {
        return code;
    }

    /** Machine code of a function that returns 0 (in the integer return register) to its caller. */
    public byte[] returnZero() {
        return returnZero.clone();
    }

    /** The machine with this {@code e_machine} value, if it is one of ours. */
    public static Optional<ElfMachine> of(int code) {
        return Arrays.stream(values()).filter(m -> m.code == code).findFirst();
    }
}
