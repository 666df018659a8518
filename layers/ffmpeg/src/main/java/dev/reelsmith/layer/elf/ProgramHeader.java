package dev.reelsmith.layer.elf;

/**
 * One ELF program header: a segment the loader maps ({@code PT_LOAD}) or a note to it ({@code PT_DYNAMIC},
 * {@code PT_GNU_STACK}, ...).
 */
public record ProgramHeader(int type, int flags, long offset, long virtualAddress, long fileSize,
                            long memorySize, long align) {

    public static final int PT_LOAD = 1;
    public static final int PT_DYNAMIC = 2;
    public static final int PT_GNU_STACK = 0x6474e551;
    public static final int PF_X = 1;
    public static final int PF_W = 2;
    public static final int PF_R = 4;

    /** True when {@code address} lies in the segment's memory image. */
    public boolean containsAddress(long address) {
        return address >= virtualAddress && address - virtualAddress < memorySize;
    }
}
