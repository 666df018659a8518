package dev.reelsmith.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration for Reelsmith's own artifacts (script.json, shots.json, timelines, reports):
 * stable field names from the records, nulls omitted, unknown fields rejected so typos surface.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Json() {
    }

    /**
     * A one-line, human explanation of why JSON did not bind: where (line, column and field path such as
     * {@code shots[1].source}) and what (the record's own validation message when a constructor refused
     * the value, the unknown field and the known ones for a typo, else Jackson's reason).
     */
    public static String describe(com.fasterxml.jackson.core.JsonProcessingException e) {
        StringBuilder where = new StringBuilder();
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            where.append("line ").append(e.getLocation().getLineNr()).append(", column ").append(e.getLocation().getColumnNr());
        }
        String path = "";
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            StringBuilder p = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    p.append(p.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    p.append('[').append(ref.getIndex()).append(']');
                }
            }
            path = p.toString();
        }
        String what;
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            what = iae.getMessage();
        } else if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            what = "unknown field \"" + u.getPropertyName() + "\"; known fields: "
                    + String.join(", ", u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
        } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException && !path.isEmpty()
                && e.getOriginalMessage().contains("Cannot map `null`")) {
            what = "a value is required";
        } else {
            String original = e.getOriginalMessage();
            int cut = original.indexOf(" (set DeserializationConfig");
            what = cut > 0 ? original.substring(0, cut) : original;
        }
        return (where.length() == 0 ? "" : "at " + where + ": ") + (path.isEmpty() ? "" : path + ": ") + what;
    }

    /** A shared, thread-safe mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
