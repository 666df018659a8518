package dev.reelsmith.providers.vendors.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Puts verified vendor outputs in place: content is written to a temporary file in the output's own directory,
 * checked with {@link MediaCheck}, then moved over the output in one step, so readers see either the old file or
 * the complete new one.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** A new empty temporary file beside {@code output} (same directory, so the final move is a rename). */
    public static Path tempBeside(Path output) {
        try {
            Path dir = output.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            return Files.createTempFile(dir, "." + output.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary file beside " + output, e);
        }
    }

    /** Verifies {@code data} as a {@code kind} file and writes it to {@code output} atomically. */
    public static Delivered write(String providerId, byte[] data, Path output, MediaKind kind) {
        Path temp = tempBeside(output);
        try {
            Files.write(temp, data);
            return publish(providerId, temp, output, kind);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + temp, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Verifies {@code temp} and moves it over {@code output}; a file that fails verification is deleted.
     *
     * @throws dev.reelsmith.providers.TransientVendorException when the content is not a whole {@code kind} file
     */
    public static Delivered publish(String providerId, Path temp, Path output, MediaKind kind) {
        try {
            MediaFormat format = MediaCheck.verify(providerId, temp, kind);
            long bytes = Files.size(temp);
            String sha256 = sha256(temp);
            try {
                Files.move(temp, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Delivered(output, format, bytes, sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("could not move " + temp + " to " + output, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Hex SHA-256 of a file's content. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Hex SHA-256 of some bytes. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover .part file in the working directory is harmless; the real error is already on its way
        }
    }
}
