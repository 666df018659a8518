package dev.reelsmith.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import dev.reelsmith.api.problems.ProblemError;
import dev.reelsmith.domain.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's OpenAPI 3.1 document ({@code openapi.json} on the class path): served at {@code /openapi.json}, and the
 * source of the request body schemas every operation validates against, so the document and the checks cannot
 * drift apart. Component schemas refer to the upload and artifact schemas ({@code https://reelsmith.dev/schemas/…}),
 * which resolve to the copies on the class path.
 */
final class OpenApiDocument {
    static final String RESOURCE = "openapi.json";
    private static final String BASE = "https://reelsmith.dev/api/";

    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private OpenApiDocument(JsonNode document) {
        this.document = document;
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaMappers(mappers -> mappers.mapPrefix("https://reelsmith.dev/schemas/", "classpath:schemas/")
                        .mapPrefix(BASE, "classpath:")));
        this.config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    }

    /** Reads the document from the class path. */
    static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new OpenApiDocument(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The document itself (shared; do not modify). */
    JsonNode document() {
        return document;
    }

    /** Every way {@code value} breaks {@code #/components/schemas/<component>}, in document order; empty if none. */
    List<ProblemError> check(String component, JsonNode value) {
        JsonSchema schema = schemas.computeIfAbsent(component, name -> {
            if (document.path("components").path("schemas").path(name).isMissingNode()) {
                throw new IllegalArgumentException("openapi.json has no schema " + name);
            }
            JsonSchema compiled = factory.getSchema(SchemaLocation.of(BASE + RESOURCE + "#/components/schemas/"
                    + name), config);
            compiled.initializeValidators();
            return compiled;
        });
        List<ProblemError> errors = new ArrayList<>();
        for (ValidationMessage finding : schema.validate(value)) {
            errors.add(describe(finding));
        }
        return errors;
    }

    /** A finding in words: the field as {@code song.fileName}, and what is wrong with it. */
    static ProblemError describe(ValidationMessage finding) {
        List<Object> path = new ArrayList<>();
        JsonNodePath location = finding.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            path.add(location.getElement(i));
        }
        String parent = label(path);
        String type = finding.getType();
        if (finding.getProperty() != null && (type.equals("required") || type.equals("additionalProperties"))) {
            path.add(finding.getProperty());
            String message = type.equals("required") ? label(path) + " is required"
                    : "unknown property \"" + finding.getProperty() + "\" in " + parent;
            return ProblemError.at(pointer(path), message);
        }
        return ProblemError.at(pointer(path), parent + " " + finding.getError());
    }

    private static String label(List<Object> path) {
        if (path.isEmpty()) {
            return "body";
        }
        StringBuilder label = new StringBuilder();
        for (Object element : path) {
            if (element instanceof Integer) {
                label.append('[').append(element).append(']');
            } else {
                label.append(label.length() == 0 ? "" : ".").append(element);
            }
        }
        return label.toString();
    }

    static String pointer(List<Object> path) {
        StringBuilder pointer = new StringBuilder();
        for (Object element : path) {
            pointer.append('/').append(element.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
