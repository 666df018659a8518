package dev.reelsmith.layer.elf;

/**
 * Thrown when bytes are not an ELF file this reader understands (not ELF, not 64-bit little-endian) or when
 * a table inside it points outside the file.
 */
public class ElfFormatException extends RuntimeException {
    public ElfFormatException(String message) {
        super(message);
    }
}
