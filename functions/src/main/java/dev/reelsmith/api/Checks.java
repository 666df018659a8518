package dev.reelsmith.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.api.problems.InvalidBodyException;
import dev.reelsmith.api.problems.ProblemError;
import dev.reelsmith.domain.InvalidFieldException;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.schema.InvalidUploadException;
import dev.reelsmith.domain.schema.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Collects everything wrong with a request body before answering, so a client can fix it in one go: schema findings
 * from the OpenAPI document, and the upload validator's findings for embedded briefs and sidecars (whose messages
 * are written for people), with pointers relative to the whole body.
 */
final class Checks {
    private final List<ProblemError> errors = new ArrayList<>();

    /** Adds schema findings, leaving out those inside {@code delegated} pointers checked more precisely elsewhere. */
    Checks schema(List<ProblemError> findings, List<String> delegated) {
        for (ProblemError finding : findings) {
            boolean inside = delegated.stream().anyMatch(prefix -> finding.pointer() != null
                    && finding.pointer().startsWith(prefix + "/"));
            if (!inside) {
                errors.add(finding);
            }
        }
        return this;
    }

    /** Parses an embedded upload (a brief, a sidecar) at {@code pointer}; its violations are added. Null if invalid. */
    <T> T upload(String pointer, JsonNode node, Function<byte[], T> parse) {
        try {
            return upload(pointer, Json.mapper().writeValueAsBytes(node), parse);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON node is always writable", e);
        }
    }

    /** Parses an upload's bytes as sent; its violations are added. Null if invalid. */
    <T> T upload(String pointer, byte[] json, Function<byte[], T> parse) {
        try {
            return parse.apply(json);
        } catch (InvalidUploadException e) {
            for (Violation violation : e.violations()) {
                errors.add(ProblemError.at(pointer + violation.pointer(), violation.message()));
            }
            return null;
        }
    }

    /** Binds an embedded artifact (a script, a shot list) to its record; the record's own rules are added. */
    <T> T bind(String pointer, JsonNode node, Class<T> type) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            errors.add(ProblemError.at(pointer + fieldPointer(e), message(e)));
            return null;
        }
    }

    /** Adds one error. */
    Checks add(String pointer, String message) {
        errors.add(ProblemError.at(pointer, message));
        return this;
    }

    /** True when any error was found at or under {@code pointer}. */
    boolean failed(String pointer) {
        return errors.stream().anyMatch(e -> e.pointer() != null
                && (e.pointer().equals(pointer) || e.pointer().startsWith(pointer + "/")));
    }

    /** Throws the 422 when anything was found. */
    void orThrow(String what) {
        if (!errors.isEmpty()) {
            throw new InvalidBodyException(what + " is invalid (" + errors.size() + (errors.size() == 1
                    ? " problem)" : " problems)") + ": " + errors.get(0).message()
                    + (errors.size() > 1 ? "; see errors" : ""), errors);
        }
    }

    private static String fieldPointer(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFieldException invalid) {
                String field = invalid.field().replace(".", "/").replaceAll("\\[(\\d+)]", "/$1");
                return field.isEmpty() ? "" : "/" + field.replaceAll("^/+", "");
            }
        }
        if (e instanceof JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                path.append('/').append(reference.getFieldName() != null ? reference.getFieldName()
                        : String.valueOf(reference.getIndex()));
            }
            return path.toString();
        }
        return "";
    }

    private static String message(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFieldException invalid) {
                return invalid.getMessage();
            }
        }
        if (e instanceof JsonMappingException mapping) {
            return mapping.getCause() != null && mapping.getCause().getMessage() != null
                    ? mapping.getCause().getMessage() : mapping.getOriginalMessage();
        }
        return e.getMessage();
    }
}
