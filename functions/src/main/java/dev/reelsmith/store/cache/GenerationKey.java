package dev.reelsmith.store.cache;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything that determines what a generation call produces, so that the same request to the same model is
 * served from the cache instead of being paid for twice. {@link #sha256()} is the cache key: SHA-256 over a
 * canonical encoding in which every field is length-prefixed (no two different keys encode alike, whatever
 * characters prompts contain) and parameters are sorted by name.
 *
 * @param toolId         the catalog's tool, e.g. {@code runway/gen4_turbo}
 * @param modelVersion   the model version the tool called; a new version never reuses an old result
 * @param prompt         the prompt exactly as sent; may be empty for tools without one, never null
 * @param negativePrompt what to avoid; null (or blank, stored as null) when none
 * @param seed           the seed sent
 * @param inputSha256s   SHA-256 ({@link Sha256#of}) of each input image, in the order sent (first/last frame
 *                       order matters)
 * @param parameters     every other request parameter in canonical text, e.g. {@code duration=5},
 *                       {@code ratio=1280:720}; write numbers one way (5, not 5.0) so equal requests match
 */
public record GenerationKey(String toolId, String modelVersion, String prompt, String negativePrompt, long seed,
                            List<String> inputSha256s, Map<String, String> parameters) {
    private static final String FORMAT = "reelsmith.generation-cache.v1";

    public GenerationKey {
        notBlank(toolId, "toolId");
        notBlank(modelVersion, "modelVersion");
        Objects.requireNonNull(prompt, "prompt must not be null");
        negativePrompt = negativePrompt == null || negativePrompt.isBlank() ? null : negativePrompt;
        Objects.requireNonNull(inputSha256s, "inputSha256s must not be null");
        for (int i = 0; i < inputSha256s.size(); i++) {
            if (!Sha256.isDigest(inputSha256s.get(i))) {
                throw new IllegalArgumentException("inputSha256s[" + i + "] must be 64 lower-case hex digits, was "
                        + inputSha256s.get(i));
            }
        }
        inputSha256s = List.copyOf(inputSha256s);
        Objects.requireNonNull(parameters, "parameters must not be null");
        TreeMap<String, String> sorted = new TreeMap<>();
        parameters.forEach((name, value) -> {
            notBlank(name, "parameter names");
            sorted.put(name, Objects.requireNonNull(value, "parameters[" + name + "] must not be null"));
        });
        parameters = Collections.unmodifiableMap(sorted);
    }

    /** The cache key: 64 lower-case hex digits. */
    public String sha256() {
        return HexFormat.of().formatHex(Sha256.digest().digest(canonical()));
    }

    /** The bytes {@link #sha256()} hashes; each value as {@code <UTF-8 length>:<bytes>\n}, null as {@code -\n}. */
    byte[] canonical() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, FORMAT);
        field(out, toolId);
        field(out, modelVersion);
        field(out, prompt);
        field(out, negativePrompt);
        field(out, Long.toString(seed));
        field(out, Integer.toString(inputSha256s.size()));
        inputSha256s.forEach(sha -> field(out, sha));
        field(out, Integer.toString(parameters.size()));
        parameters.forEach((name, value) -> {
            field(out, name);
            field(out, value);
        });
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes("-\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.write('\n');
    }

    private static void notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
