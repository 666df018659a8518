package dev.reelsmith.providers.vendors.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Reads the frame size of an MP4/MOV file's first video track from its {@code moov/trak/tkhd} header, without
 * FFmpeg: adapters that bill by resolution price what the vendor actually delivered.
 */
public final class Mp4Header {
    /** The movie header is small; a larger one means something is wrong with the file. */
    private static final long MAX_MOOV_BYTES = 64L * 1024 * 1024;

    private Mp4Header() {
    }

    /** The first track with a non-zero width and height, or empty when there is none or the header is unreadable. */
    public static Optional<ImageSize> videoSize(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = Files.size(file);
            long offset = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (offset + 8 <= size) {
                header.clear();
                channel.read(header, offset);
                header.flip();
                long boxSize = header.getInt() & 0xFFFFFFFFL;
                String type = type(header);
                int headerLength = 8;
                if (boxSize == 1 && header.remaining() >= 8) {
                    boxSize = header.getLong();
                    headerLength = 16;
                } else if (boxSize == 0) {
                    boxSize = size - offset;
                }
                if (boxSize < headerLength) {
                    return Optional.empty();
                }
                if (type.equals("moov")) {
                    long bodyLength = Math.min(boxSize - headerLength, size - offset - headerLength);
                    if (bodyLength > MAX_MOOV_BYTES) {
                        return Optional.empty();
                    }
                    ByteBuffer moov = ByteBuffer.allocate((int) bodyLength);
                    channel.read(moov, offset + headerLength);
                    moov.flip();
                    return trackSize(moov);
                }
                offset += boxSize;
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static Optional<ImageSize> trackSize(ByteBuffer moov) {
        while (moov.remaining() >= 8) {
            int start = moov.position();
            long boxSize = moov.getInt() & 0xFFFFFFFFL;
            String type = type(moov);
            if (boxSize < 8 || start + boxSize > moov.limit()) {
                return Optional.empty();
            }
            if (type.equals("trak")) {
                ByteBuffer trak = moov.slice();
                trak.limit((int) boxSize - 8);
                Optional<ImageSize> size = tkhdSize(trak);
                if (size.isPresent()) {
                    return size;
                }
            }
            moov.position((int) (start + boxSize));
        }
        return Optional.empty();
    }

    private static Optional<ImageSize> tkhdSize(ByteBuffer trak) {
        while (trak.remaining() >= 8) {
            int start = trak.position();
            long boxSize = trak.getInt() & 0xFFFFFFFFL;
            String type = type(trak);
            if (boxSize < 8 || start + boxSize > trak.limit()) {
                return Optional.empty();
            }
            if (type.equals("tkhd")) {
                int version = trak.get() & 0xFF;
                // flags (3) + times, track id, reserved and duration: 20 bytes in version 0, 32 in version 1
                int skip = 3 + (version == 1 ? 32 : 20) + 8 + 2 + 2 + 2 + 2 + 36;
                if (trak.position() + skip + 8 > start + boxSize) {
                    return Optional.empty();
                }
                trak.position(trak.position() + skip);
                int width = (trak.getInt() >>> 16);
                int height = (trak.getInt() >>> 16);
                return width > 0 && height > 0 ? Optional.of(new ImageSize(width, height)) : Optional.empty();
            }
            trak.position((int) (start + boxSize));
        }
        return Optional.empty();
    }

    private static String type(ByteBuffer buffer) {
        byte[] type = new byte[4];
        buffer.get(type);
        return new String(type, StandardCharsets.US_ASCII);
    }
}
