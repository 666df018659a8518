package dev.reelsmith.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.reelsmith.domain.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published JSON Schemas (draft 2020-12) of the planning artifacts, read from the classpath
 * ({@code schemas/*.schema.json}): the same documents instruct the text model and validate its answers and the
 * artifacts written to disk or S3.
 */
public final class ArtifactSchemas {
    public static final String SCRIPT = "script.schema.json";
    public static final String SHOTS = "shots.schema.json";
    public static final String PLAN = "plan.schema.json";
    public static final String PRODUCTION_INTENT = "production-intent.schema.json";
    public static final String TOOL_CATALOG = "tool-catalog.schema.json";

    private static final String BASE = "https://reelsmith.dev/schemas/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER).build();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private ArtifactSchemas() {
    }

    /** The schema document, e.g. {@code schema(SCRIPT)}; shared, do not modify. */
    public static JsonNode schema(String file) {
        return DOCUMENTS.computeIfAbsent(file, ArtifactSchemas::read);
    }

    /** Every violation of {@code instance} against the schema, as {@code pointer: message}; empty when valid. */
    public static List<String> validate(String file, JsonNode instance) {
        JsonSchema schema = COMPILED.computeIfAbsent(file, f -> {
            JsonSchema compiled = FACTORY.getSchema(SchemaLocation.of(BASE + f), CONFIG);
            compiled.initializeValidators();
            return compiled;
        });
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(instance)) {
            problems.add((message.getInstanceLocation().toString().isEmpty() ? "/" : message.getInstanceLocation())
                    + ": " + message.getMessage());
        }
        return problems;
    }

    private static JsonNode read(String file) {
        try (InputStream in = ArtifactSchemas.class.getResourceAsStream("/schemas/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + file + " on the classpath under /schemas/");
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + file, e);
        }
    }
}
