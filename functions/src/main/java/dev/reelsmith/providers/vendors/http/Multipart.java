package dev.reelsmith.providers.vendors.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body (RFC 7578) of text fields and files, for vendor uploads. */
public final class Multipart {
    private final String boundary = "reelsmith-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** Adds a text field. */
    public Multipart field(String name, String value) {
        part("Content-Disposition: form-data; name=\"" + quote(name) + "\"\r\n\r\n");
        write(value.getBytes(StandardCharsets.UTF_8));
        write("\r\n".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** Adds a file field. */
    public Multipart file(String name, String fileName, String contentType, byte[] content) {
        part("Content-Disposition: form-data; name=\"" + quote(name) + "\"; filename=\"" + quote(fileName) + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n");
        write(content);
        write("\r\n".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** The {@code Content-Type} header value, with the boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The finished body. */
    public HttpRequest.BodyPublisher publisher() {
        ByteArrayOutputStream finished = new ByteArrayOutputStream();
        finished.writeBytes(body.toByteArray());
        finished.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return HttpRequest.BodyPublishers.ofByteArray(finished.toByteArray());
    }

    private void part(String headers) {
        write(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) {
        body.writeBytes(bytes);
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", " ").replace("\n", " ");
    }
}
