package dev.reelsmith.providers.vendors.http;

import dev.reelsmith.providers.TransientVendorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Checks that a file a vendor delivered is what was asked for and is whole: the signature must be an image, video or
 * audio format of the expected kind, and where the container records its own length the file must match it (PNG ends
 * with {@code IEND}, JPEG with an end-of-image marker, RIFF files carry their size, MP4/MOV top-level boxes must tile
 * the file exactly and include {@code moov}). A truncated transfer or an error page saved as a video fails here, as
 * a {@link TransientVendorException}: downloading again may succeed.
 */
public final class MediaCheck {
    private static final int TAIL_BYTES = 64;

    private MediaCheck() {
    }

    /**
     * @return the recognised format
     * @throws TransientVendorException when the file is not a whole {@code expected} file
     */
    public static MediaFormat verify(String providerId, Path file, MediaKind expected) {
        try {
            long size = Files.size(file);
            byte[] head = new byte[MediaFormat.HEAD_BYTES];
            int read;
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(head, 0, head.length);
            }
            byte[] exact = read == head.length ? head : java.util.Arrays.copyOf(head, read);
            Optional<MediaFormat> sniffed = MediaFormat.sniff(exact);
            if (sniffed.isEmpty()) {
                throw new TransientVendorException(providerId, "the delivered file is not a recognisable "
                        + expected.label() + " (" + size + " bytes, starting " + hex(exact) + ")", null);
            }
            MediaFormat format = sniffed.get();
            if (format.kind() != expected) {
                throw new TransientVendorException(providerId, "expected a " + expected.label()
                        + " but the delivered file is " + format.mimeType(), null);
            }
            String problem = structureProblem(file, format, size);
            if (problem != null) {
                throw new TransientVendorException(providerId, "the delivered " + format.mimeType()
                        + " is incomplete: " + problem, null);
            }
            return format;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static String structureProblem(Path file, MediaFormat format, long size) throws IOException {
        switch (format) {
            case PNG: {
                byte[] tail = tail(file, size, 12);
                byte[] iend = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
                return java.util.Arrays.equals(tail, iend) ? null : "no IEND chunk at the end (truncated)";
            }
            case JPEG: {
                byte[] tail = tail(file, size, TAIL_BYTES);
                for (int i = tail.length - 2; i >= 0; i--) {
                    if ((tail[i] & 0xFF) == 0xFF && (tail[i + 1] & 0xFF) == 0xD9) {
                        return null;
                    }
                }
                return "no end-of-image marker (truncated)";
            }
            case WEBP:
            case WAV: {
                byte[] head = head(file, 8);
                long riff = ByteBuffer.wrap(head, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
                long declared = riff + 8;
                if (size < declared) {
                    return "the RIFF header declares " + declared + " bytes but " + size + " arrived (truncated)";
                }
                return null;
            }
            case MP4:
            case MOV:
            case M4A:
                return boxProblem(file, size);
            default:
                return null;
        }
    }

    /** Walks the top-level ISO-BMFF boxes: they must end exactly at the end of the file, and one must be moov. */
    private static String boxProblem(Path file, long size) throws IOException {
        boolean moov = false;
        long offset = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(16);
            while (offset < size) {
                if (size - offset < 8) {
                    return "a partial box header at byte " + offset + " (truncated)";
                }
                header.clear();
                header.limit(16);
                channel.read(header, offset);
                header.flip();
                long boxSize = header.getInt() & 0xFFFFFFFFL;
                byte[] type = new byte[4];
                header.get(type);
                for (byte b : type) {
                    if (b < 0x20 || b > 0x7E) {
                        return "an unreadable box at byte " + offset;
                    }
                }
                if (boxSize == 1) {
                    if (header.remaining() < 8) {
                        return "a partial box header at byte " + offset + " (truncated)";
                    }
                    boxSize = header.getLong();
                } else if (boxSize == 0) {
                    boxSize = size - offset;
                }
                if (boxSize < 8) {
                    return "a box of " + boxSize + " bytes at byte " + offset;
                }
                if ("moov".equals(new String(type, java.nio.charset.StandardCharsets.US_ASCII))) {
                    moov = true;
                }
                if (offset + boxSize > size) {
                    return "the " + new String(type, java.nio.charset.StandardCharsets.US_ASCII) + " box at byte "
                            + offset + " needs " + boxSize + " bytes but the file ends after " + (size - offset)
                            + " (truncated)";
                }
                offset += boxSize;
            }
        }
        return moov ? null : "no moov box (the movie header is missing)";
    }

    private static byte[] head(Path file, int count) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(count);
        }
    }

    private static byte[] tail(Path file, long size, int count) throws IOException {
        int n = (int) Math.min(size, count);
        ByteBuffer buffer = ByteBuffer.allocate(n);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.read(buffer, size - n);
        }
        return buffer.array();
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 8); i++) {
            text.append(String.format("%02x", bytes[i] & 0xFF));
        }
        return text.length() == 0 ? "(empty)" : text.toString();
    }
}
