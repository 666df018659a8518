package dev.reelsmith.providers.text;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.reelsmith.domain.InvalidFieldException;
import dev.reelsmith.domain.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a model's answer is usable: it reads the JSON out of the answer text, validates it against the
 * request's JSON Schema (draft 2020-12 unless the schema names another dialect) and binds it to the requested
 * record with {@link Json#mapper()}, so a record's own constructor checks count as problems too. Every problem is
 * reported with a JSON pointer and the rule it broke, in a form that can be shown to the model for a repair.
 *
 * <p>Reading is forgiving only where that is cheap and unambiguous: surrounding whitespace, a byte order mark, a
 * Markdown code fence ({@code ```json … ```}) and prose before the first opening brace or bracket, or after
 * the complete JSON value. Everything else (a second JSON value, duplicate keys, a cut-off document) is a problem.
 *
 * <p>Compiled schemas are cached (a handful of planning schemas in practice); instances are thread-safe.
 * {@code $ref}s to {@code https://reelsmith.dev/schemas/…} resolve from the classpath ({@code schemas/}).
 */
public final class AnswerValidator {
    private static final String SCHEMA_BASE = "https://reelsmith.dev/schemas/";
    private static final int MAX_CACHED_SCHEMAS = 64;
    private static final int PREVIEW_LENGTH = 40;
    private static final String FENCE = "```";

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER).build();
    private final Map<JsonNode, JsonSchema> schemas = new ConcurrentHashMap<>();

    /**
     * Checks an answer the model wrote as text.
     *
     * @param text   the answer, possibly wrapped in a code fence or prose
     * @param schema the JSON Schema it must satisfy
     * @param type   the record it must bind to
     */
    public <T> CheckedAnswer<T> check(String text, JsonNode schema, Class<T> type) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(type, "type");
        Parsed parsed = parse(text);
        if (parsed.problem != null) {
            return CheckedAnswer.invalid(null, List.of(parsed.problem));
        }
        return check(parsed.json, schema, type);
    }

    /**
     * Checks an answer the vendor already delivered as JSON.
     *
     * @param answer the answer
     * @param schema the JSON Schema it must satisfy
     * @param type   the record it must bind to
     */
    public <T> CheckedAnswer<T> check(JsonNode answer, JsonNode schema, Class<T> type) {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(type, "type");
        List<AnswerProblem> problems = new ArrayList<>();
        for (ValidationMessage finding : compiled(schema).validate(answer)) {
            problems.add(toProblem(finding));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(AnswerProblem::pointer).thenComparing(AnswerProblem::rule)
                    .thenComparing(AnswerProblem::message));
            return CheckedAnswer.invalid(answer, problems);
        }
        try {
            return CheckedAnswer.valid(Json.mapper().treeToValue(answer, type), answer);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return CheckedAnswer.invalid(answer, List.of(bindingProblem(e)));
        }
    }

    private JsonSchema compiled(JsonNode schema) {
        Objects.requireNonNull(schema, "schema");
        JsonSchema cached = schemas.get(schema);
        if (cached != null) {
            return cached;
        }
        if (schemas.size() >= MAX_CACHED_SCHEMAS) {
            // schemas come from code, so this only happens if a caller generates them; stay bounded anyway
            schemas.clear();
        }
        JsonSchema compiled = factory.getSchema(schema, config);
        compiled.initializeValidators();
        schemas.put(schema.deepCopy(), compiled);
        return compiled;
    }

    private static AnswerProblem toProblem(ValidationMessage finding) {
        String pointer = finding.getInstanceLocation().toString();
        String keyword = finding.getType();
        boolean namesProperty = finding.getProperty() != null
                && (keyword.equals("required") || keyword.equals("additionalProperties")
                || keyword.equals("dependentRequired") || keyword.equals("unevaluatedProperties"));
        if (namesProperty) {
            pointer = pointer + "/" + escape(finding.getProperty());
        }
        String message = finding.getError();
        if (message == null || message.isBlank()) {
            message = finding.getMessage();
        }
        return new AnswerProblem(pointer, keyword, message);
    }

    /** The record refused the values: point where Jackson was building, say what the constructor said. */
    private static AnswerProblem bindingProblem(Exception e) {
        String pointer = "";
        String message = e.getMessage();
        if (e instanceof JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                path.append('/').append(reference.getFieldName() != null
                        ? escape(reference.getFieldName()) : String.valueOf(reference.getIndex()));
            }
            pointer = path.toString();
            message = mapping.getOriginalMessage();
        }
        String rule = "invalid";
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFieldException invalid) {
                rule = invalid.rule().isBlank() ? rule : invalid.rule();
                message = invalid.getMessage();
                break;
            }
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                message = cause.getMessage();
                break;
            }
        }
        return new AnswerProblem(pointer, rule, message == null || message.isBlank() ? "does not bind" : message);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** The JSON inside an answer, or the one problem that prevented reading it. */
    static Parsed parse(String text) {
        String body = text == null ? "" : text.strip();
        if (body.startsWith("\uFEFF")) {
            body = body.substring(1).strip();
        }
        if (body.isEmpty()) {
            return Parsed.failed("the answer is empty; expected one JSON document");
        }
        String fenced = fenced(body);
        if (fenced != null) {
            body = fenced;
        }
        int start = firstJsonStart(body);
        if (start < 0) {
            return Parsed.failed("the answer contains no JSON object; it begins with " + preview(body));
        }
        String json = body.substring(start);
        try (JsonParser parser = Json.mapper().createParser(json)) {
            JsonNode node = Json.mapper().readTree(parser);
            if (node == null) {
                return Parsed.failed("the answer is empty; expected one JSON document");
            }
            long end = parser.currentLocation().getCharOffset();
            String rest = end < 0 || end > json.length() ? "" : json.substring((int) end).strip();
            if (rest.startsWith("{") || rest.startsWith("[")) {
                return Parsed.failed("the answer contains more than one JSON value; send exactly one");
            }
            return new Parsed(node, null);
        } catch (JsonProcessingException e) {
            return Parsed.failed("the answer is not valid JSON: " + syntaxMessage(e));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string failed", e);
        }
    }

    /** The content of the first Markdown code fence that holds JSON; an unclosed fence runs to the end. */
    private static String fenced(String body) {
        int open = body.indexOf(FENCE);
        if (open < 0) {
            return null;
        }
        int lineEnd = body.indexOf('\n', open);
        if (lineEnd < 0) {
            return null;
        }
        int close = body.indexOf(FENCE, lineEnd);
        String inside = (close < 0 ? body.substring(lineEnd + 1) : body.substring(lineEnd + 1, close)).strip();
        return firstJsonStart(inside) < 0 ? null : inside;
    }

    private static int firstJsonStart(String body) {
        int brace = body.indexOf('{');
        int bracket = body.indexOf('[');
        if (brace < 0) {
            return bracket;
        }
        return bracket < 0 ? brace : Math.min(brace, bracket);
    }

    private static String syntaxMessage(JsonProcessingException e) {
        String problem = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        int sourceNote = problem.indexOf(" at [Source");
        if (sourceNote >= 0) {
            problem = problem.substring(0, sourceNote);
        }
        problem = problem.replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*]\\)", "").strip();
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            problem += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return problem;
    }

    private static String preview(String body) {
        String line = body.lines().findFirst().orElse("").strip();
        if (line.codePointCount(0, line.length()) > PREVIEW_LENGTH) {
            line = line.substring(0, line.offsetByCodePoints(0, PREVIEW_LENGTH)) + "…";
        }
        return "\"" + line + "\"";
    }

    /** Either a JSON tree or the syntax problem that prevented reading one. */
    static final class Parsed {
        final JsonNode json;
        final AnswerProblem problem;

        Parsed(JsonNode json, AnswerProblem problem) {
            this.json = json;
            this.problem = problem;
        }

        static Parsed failed(String message) {
            return new Parsed(null, new AnswerProblem("", "syntax", message));
        }
    }
}
