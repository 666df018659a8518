package dev.reelsmith.providers.vendors.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pixel size of a PNG, JPEG or WebP image, read from its header (vendors round or substitute sizes, so results
 * report what arrived, not what was asked for).
 *
 * @param width  pixels, at least 1
 * @param height pixels, at least 1
 */
public record ImageSize(int width, int height) {
    public ImageSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        }
    }

    /**
     * Reads the size from {@code file}'s header.
     *
     * @throws IllegalArgumentException when the header holds no size (not a PNG, JPEG or WebP, or cut short)
     */
    public static ImageSize of(Path file) {
        try {
            return of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** Reads the size from an encoded image. */
    public static ImageSize of(byte[] data) {
        MediaFormat format = MediaFormat.sniff(data).orElseThrow(
                () -> new IllegalArgumentException("not a PNG, JPEG or WebP image"));
        switch (format) {
            case PNG:
                require(data, 24);
                return new ImageSize(int32(data, 16), int32(data, 20));
            case JPEG:
                return jpeg(data);
            case WEBP:
                return webp(data);
            default:
                throw new IllegalArgumentException("not an image: " + format.mimeType());
        }
    }

    private static ImageSize jpeg(byte[] data) {
        int i = 2;
        while (i + 9 < data.length) {
            if ((data[i] & 0xFF) != 0xFF) {
                i++;
                continue;
            }
            int marker = data[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            int length = ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame) {
                int height = ((data[i + 5] & 0xFF) << 8) | (data[i + 6] & 0xFF);
                int width = ((data[i + 7] & 0xFF) << 8) | (data[i + 8] & 0xFF);
                return new ImageSize(width, height);
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("the JPEG has no frame header");
    }

    private static ImageSize webp(byte[] data) {
        require(data, 30);
        String chunk = new String(data, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8 ":
                return new ImageSize(le16(data, 26) & 0x3FFF, le16(data, 28) & 0x3FFF);
            case "VP8L": {
                int bits = (data[21] & 0xFF) | (data[22] & 0xFF) << 8 | (data[23] & 0xFF) << 16 | (data[24] & 0xFF) << 24;
                return new ImageSize((bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
            }
            case "VP8X":
                return new ImageSize(le24(data, 24) + 1, le24(data, 27) + 1);
            default:
                throw new IllegalArgumentException("unknown WebP chunk " + chunk);
        }
    }

    private static void require(byte[] data, int length) {
        if (data.length < length) {
            throw new IllegalArgumentException("the image header is cut short (" + data.length + " bytes)");
        }
    }

    private static int int32(byte[] d, int o) {
        return (d[o] & 0xFF) << 24 | (d[o + 1] & 0xFF) << 16 | (d[o + 2] & 0xFF) << 8 | (d[o + 3] & 0xFF);
    }

    private static int le16(byte[] d, int o) {
        return (d[o] & 0xFF) | (d[o + 1] & 0xFF) << 8;
    }

    private static int le24(byte[] d, int o) {
        return (d[o] & 0xFF) | (d[o + 1] & 0xFF) << 8 | (d[o + 2] & 0xFF) << 16;
    }
}
