package dev.reelsmith.domain.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.reelsmith.domain.Brief;
import dev.reelsmith.domain.InvalidFieldException;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.SongSidecar;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Admits uploaded JSON: a brief ({@code briefs/x.json}) or a song sidecar ({@code songs/x.json}). It checks, in
 * order, the size (at most {@value #MAX_UPLOAD_BYTES} bytes), the encoding (UTF-8; a UTF-8 byte order mark is
 * tolerated), the syntax (one JSON object, no duplicate keys, nothing after it), the published schema (every
 * violation is collected, not just the first) and finally the record's own rules, which cover what a schema
 * cannot say (e.g. a preferred provider that is also blocked).
 *
 * <p>Every rejection is one {@link InvalidUploadException} listing {@link Violation}s with JSON pointers. The
 * schemas are read from the classpath ({@code schemas/*.schema.json}) once; instances are thread-safe and meant
 * to be built once per container.
 */
public final class UploadValidator {
    /** Uploads larger than this (256 KiB) are rejected before parsing. */
    public static final int MAX_UPLOAD_BYTES = 256 * 1024;

    private static final String SCHEMA_BASE = "https://reelsmith.dev/schemas/";
    private static final Pattern JACKSON_START_MARKER = Pattern.compile(
            "\\(start marker at \\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]\\)");
    private static final Pattern JACKSON_LOCATION = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");

    private final Upload<Brief> brief;
    private final Upload<SongSidecar> sidecar;
    private final ObjectReader reader = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Loads and compiles both schemas from the classpath. */
    public UploadValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        this.brief = new Upload<>("brief", Brief.class, load(factory, config, "brief.schema.json"));
        this.sidecar = new Upload<>("song sidecar", SongSidecar.class, load(factory, config, "song-sidecar.schema.json"));
    }

    private static JsonSchema load(JsonSchemaFactory factory, SchemaValidatorsConfig config, String file) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(SCHEMA_BASE + file), config);
        schema.initializeValidators();
        return schema;
    }

    /**
     * Reads and validates an uploaded brief.
     *
     * @return the brief with defaults applied
     * @throws InvalidUploadException listing every problem found
     */
    public Brief parseBrief(byte[] json) {
        return parse(brief, json);
    }

    /**
     * Reads and validates an uploaded song sidecar, including its LRC lyrics.
     *
     * @throws InvalidUploadException listing every problem found
     */
    public SongSidecar parseSidecar(byte[] json) {
        return parse(sidecar, json);
    }

    private <T> T parse(Upload<T> upload, byte[] json) {
        Objects.requireNonNull(json, "json");
        JsonNode tree = readTree(upload.name, json);
        List<Violation> violations = new ArrayList<>();
        for (ValidationMessage finding : upload.schema.validate(tree)) {
            violations.add(upload.messages.toViolation(finding));
        }
        if (!violations.isEmpty()) {
            throw new InvalidUploadException(upload.name, inDocumentOrder(violations, tree));
        }
        try {
            return Json.mapper().treeToValue(tree, upload.type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidUploadException(upload.name, List.of(bindingViolation(e)));
        }
    }

    private JsonNode readTree(String name, byte[] json) {
        if (json.length > MAX_UPLOAD_BYTES) {
            throw reject(name, "", "size", name + " is " + json.length + " bytes; uploads are limited to "
                    + MAX_UPLOAD_BYTES + " bytes (256 KiB)");
        }
        String text = decodeUtf8(name, json);
        if (text.isBlank()) {
            throw reject(name, "", "syntax", name + " is empty; expected a JSON object");
        }
        JsonNode tree;
        try {
            tree = reader.readTree(text);
        } catch (JsonProcessingException e) {
            throw syntaxError(name, e);
        }
        if (!tree.isObject()) {
            throw reject(name, "", "type", name + " must be a JSON object, was " + tree.getNodeType().name()
                    .toLowerCase(Locale.ROOT).replace("pojo", "value"));
        }
        return tree;
    }

    /** Strict UTF-8: a byte sequence that is not UTF-8 is named by its offset, never replaced. */
    private static String decodeUtf8(String name, byte[] json) {
        int start = 0;
        if (startsWith(json, 0x00, 0x00, 0xFE, 0xFF) || startsWith(json, 0xFF, 0xFE, 0x00, 0x00)) {
            throw reject(name, "", "encoding", name + " must be UTF-8, found a UTF-32 byte order mark");
        }
        if (startsWith(json, 0xFE, 0xFF) || startsWith(json, 0xFF, 0xFE)) {
            throw reject(name, "", "encoding", name + " must be UTF-8, found a UTF-16 byte order mark");
        }
        if (startsWith(json, 0xEF, 0xBB, 0xBF)) {
            start = 3;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(json, start, json.length - start);
        CharBuffer out = CharBuffer.allocate(json.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw reject(name, "", "encoding", String.format(Locale.ROOT,
                    "%s is not valid UTF-8: byte 0x%02X at offset %d does not start a valid character; save the file as UTF-8",
                    name, json[offset] & 0xFF, offset));
        }
        return out.flip().toString();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static InvalidUploadException syntaxError(String name, JsonProcessingException e) {
        String problem = e.getOriginalMessage();
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        if (problem != null && problem.startsWith("Duplicate field '") && e.getProcessor() instanceof JsonParser parser) {
            String key = problem.substring("Duplicate field '".length(), problem.lastIndexOf('\''));
            return reject(name, parser.getParsingContext().pathAsPointer().toString(), "duplicateKey",
                    name + " has the key \"" + key + "\" twice in the same object" + where
                            + "; each key may appear only once");
        }
        // Jackson embeds source descriptions in some messages; keep only the positions
        String cleaned = JACKSON_START_MARKER.matcher(problem == null ? "" : problem)
                .replaceAll("(opened at line $1, column $2)");
        cleaned = JACKSON_LOCATION.matcher(cleaned).replaceAll("line $1, column $2").strip();
        return reject(name, "", "syntax", name + " is not valid JSON: " + cleaned + where);
    }

    /** The record's own rules failed: point at the field the record names, else at the object Jackson was building. */
    private static Violation bindingViolation(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFieldException invalid) {
                return new Violation(fieldPointer(invalid.field()), invalid.rule(), invalid.getMessage());
            }
        }
        String pointer = "";
        String message = e.getMessage();
        if (e instanceof JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                path.append('/').append(reference.getFieldName() != null
                        ? reference.getFieldName().replace("~", "~0").replace("/", "~1")
                        : String.valueOf(reference.getIndex()));
            }
            pointer = path.toString();
            message = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : mapping.getOriginalMessage();
        }
        return new Violation(pointer, "invalid", message);
    }

    /** {@code brand.colors[0]} becomes {@code /brand/colors/0}. */
    static String fieldPointer(String field) {
        StringBuilder pointer = new StringBuilder();
        for (String part : field.split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                pointer.append('/').append(part, bracket + 1, close);
                bracket = part.indexOf('[', close);
            }
        }
        return pointer.toString();
    }

    /**
     * Sorts violations as their places appear in the document (a missing property sorts with its parent), so
     * the list reads top to bottom like the file.
     */
    private static List<Violation> inDocumentOrder(List<Violation> violations, JsonNode tree) {
        Map<String, Integer> order = new HashMap<>();
        number(tree, "", order);
        List<Violation> sorted = new ArrayList<>(violations);
        sorted.sort(Comparator.comparingInt((Violation v) -> position(v.pointer(), order))
                .thenComparing(Violation::pointer).thenComparing(Violation::rule));
        return sorted;
    }

    private static void number(JsonNode node, String pointer, Map<String, Integer> order) {
        order.put(pointer, order.size());
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                number(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), order);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                number(node.get(i), pointer + "/" + i, order);
            }
        }
    }

    private static int position(String pointer, Map<String, Integer> order) {
        String prefix = pointer;
        while (!order.containsKey(prefix)) {
            prefix = prefix.substring(0, prefix.lastIndexOf('/'));
        }
        return order.get(prefix);
    }

    private static InvalidUploadException reject(String name, String pointer, String rule, String message) {
        return new InvalidUploadException(name, List.of(new Violation(pointer, rule, message)));
    }

    private static final class Upload<T> {
        final String name;
        final Class<T> type;
        final JsonSchema schema;
        final SchemaMessages messages;

        Upload(String name, Class<T> type, JsonSchema schema) {
            this.name = name;
            this.type = type;
            this.schema = schema;
            this.messages = new SchemaMessages(name, schema.getSchemaNode());
        }
    }
}
