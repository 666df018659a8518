package dev.reelsmith.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.ToolKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The generation tools the production planner chooses from: provider, model, tier, kind, price (with its source
 * and whether it is verified), aspect ratios, resolutions, clip durations, prompt limit, latency, quality,
 * strengths by shot type and lifecycle status.
 *
 * <p>The built-in catalog is the classpath resource {@value #RESOURCE}, checked against
 * {@code schemas/tool-catalog.schema.json} when loaded; later it is loaded into DynamoDB, with measured latency and
 * success rates replacing the estimates. Immutable and thread-safe.
 */
public final class ToolCatalog {
    /** Classpath location of the built-in catalog. */
    public static final String RESOURCE = "/catalog/tools.json";
    private static final String SCHEMA_BASE = "https://reelsmith.dev/schemas/";

    private static volatile ToolCatalog builtIn;

    private final String updated;
    private final List<Tool> tools;

    private ToolCatalog(String updated, List<Tool> tools) {
        this.updated = updated;
        this.tools = List.copyOf(tools);
        Set<String> ids = new HashSet<>();
        for (Tool tool : this.tools) {
            if (!ids.add(tool.id())) {
                throw new InvalidCatalogException(List.of("tool id " + tool.id() + " appears more than once"));
            }
        }
    }

    /** The catalog shipped with Reelsmith, loaded once. */
    public static ToolCatalog builtIn() {
        ToolCatalog catalog = builtIn;
        if (catalog == null) {
            try (InputStream in = ToolCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in tool catalog " + RESOURCE + " is missing from the classpath");
                }
                catalog = parse(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the built-in tool catalog", e);
            }
            builtIn = catalog;
        }
        return catalog;
    }

    /**
     * Reads a catalog document ({@code {"updated": "YYYY-MM-DD", "tools": [...]}}).
     *
     * @throws InvalidCatalogException listing every schema violation, or the first broken tool rule
     */
    public static ToolCatalog parse(byte[] json) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new InvalidCatalogException(List.of("not valid JSON: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema().validate(tree)) {
            problems.add(message.getInstanceLocation() + ": " + message.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        try {
            Document document = Json.mapper().treeToValue(tree, Document.class);
            return new ToolCatalog(document.updated(), document.tools());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
            throw new InvalidCatalogException(List.of(cause.getMessage()));
        }
    }

    /** A catalog of exactly these tools (tests, and catalogs assembled from DynamoDB items). */
    public static ToolCatalog of(String updated, List<Tool> tools) {
        return new ToolCatalog(updated, tools);
    }

    private static JsonSchema schema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        return factory.getSchema(SchemaLocation.of(SCHEMA_BASE + "tool-catalog.schema.json"), config);
    }

    /** When the catalog's facts were last checked, {@code YYYY-MM-DD}. */
    public String updated() {
        return updated;
    }

    /** Every tool, in catalog order. */
    public List<Tool> tools() {
        return tools;
    }

    /** The tool with this id. */
    public Optional<Tool> find(String id) {
        return tools.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The tools of one kind that may be planned on {@code day} (not EOL, not past retirement), best first. */
    public List<Tool> usable(ToolKind kind, LocalDate day) {
        return tools.stream().filter(t -> t.kind() == kind && t.usableOn(day))
                .sorted(Comparator.comparingInt(Tool::qualityScore).reversed().thenComparing(Tool::id))
                .toList();
    }

    /** The free local tool of a kind that may be planned on {@code day}, if the catalog has one. */
    public Optional<Tool> local(ToolKind kind, LocalDate day) {
        return tools.stream().filter(t -> t.kind() == kind && t.isLocal() && t.usableOn(day)).findFirst();
    }

    /** The catalog file's shape. */
    record Document(String updated, List<Tool> tools) {
    }
}
