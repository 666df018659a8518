package dev.reelsmith.layer.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns an executable's {@code DT_RUNPATH} into a {@code DT_RPATH} with the same string, in place.
 *
 * <p>Why: the loader applies an executable's {@code DT_RUNPATH} ({@code $ORIGIN/} in the bytedeco build) only
 * to the executable's own {@code DT_NEEDED} entries, so a library needed by a library (libdrm by libavutil, the
 * stubs by libavdevice) is found only through {@code LD_LIBRARY_PATH}. The executable's {@code DT_RPATH} is
 * searched for every library loaded on its behalf whose loader has no {@code DT_RUNPATH} of its own, which holds
 * for all FFmpeg libraries; so with the one-word tag change {@code ffmpeg} finds everything beside it with no
 * environment at all (a shell in Lambda, a developer's terminal). The string table and every offset stay as
 * they were, which is what makes the change safe.
 */
public final class RunpathPatch {
    private RunpathPatch() {
    }

    /**
     * A copy of {@code elf} with its {@code DT_RUNPATH} entry retagged {@code DT_RPATH}.
     *
     * @throws ElfFormatException when the file has no {@code DT_RUNPATH}, or already has a {@code DT_RPATH}
     *                            (the loader would then ignore one of them)
     */
    public static byte[] runpathToRpath(String name, byte[] elf) {
        ElfFile file = ElfFile.parse(name, elf);
        if (file.rpath().isPresent()) {
            throw new ElfFormatException(name + " already has a DT_RPATH (" + file.rpath().get() + ")");
        }
        ProgramHeader dynamic = file.programHeaders().stream()
                .filter(p -> p.type() == ProgramHeader.PT_DYNAMIC).findFirst()
                .orElseThrow(() -> new ElfFormatException(name + " has no PT_DYNAMIC segment"));
        byte[] patched = elf.clone();
        ByteBuffer buffer = ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN);
        int start = Math.toIntExact(dynamic.offset());
        for (int at = start; at + 16 <= start + dynamic.fileSize(); at += 16) {
            long tag = buffer.getLong(at);
            if (tag == DynamicEntry.DT_NULL) {
                break;
            }
            if (tag == DynamicEntry.DT_RUNPATH) {
                buffer.putLong(at, DynamicEntry.DT_RPATH);
                return patched;
            }
        }
        throw new ElfFormatException(name + " has no DT_RUNPATH to turn into a DT_RPATH");
    }
}
