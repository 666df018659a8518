package dev.reelsmith.infra.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A state machine definition as the repository holds it (STYLE.md 12): Amazon States Language with
 * {@code ${Name}} placeholders that CloudFormation's {@code DefinitionSubstitutions} replaces at deploy time.
 * It knows which placeholders the text uses and which service integrations its Task states call, so the stack
 * can refuse a definition it cannot fully substitute and grant the state machine exactly the integrations used.
 *
 * @param source where the text came from (for messages)
 * @param text   the definition, unchanged
 */
public record DefinitionTemplate(String source, String text) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    public DefinitionTemplate {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(text, "text must not be null");
        try {
            JsonNode root = new ObjectMapper().readTree(text);
            if (root == null || !root.path("States").isObject() || !root.path("StartAt").isTextual()) {
                throw new IllegalArgumentException(source + " is not a state machine definition: StartAt and "
                        + "States are required");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads {@code file} as UTF-8. */
    public static DefinitionTemplate read(Path file) {
        try {
            return new DefinitionTemplate(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state machine definition " + file, e);
        }
    }

    /** Every placeholder name the text uses, e.g. {@code AdmitFunctionArn}, sorted. */
    public Set<String> placeholders() {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * Fails unless {@code substitutions} has a value for every placeholder the text uses. CloudFormation would
     * otherwise deploy the literal {@code ${Name}} and the execution would fail on that state.
     */
    public void requireSubstituted(Map<String, String> substitutions) {
        Set<String> missing = new TreeSet<>(placeholders());
        missing.removeAll(substitutions.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException(source + " uses placeholders the pipeline stack does not substitute: "
                    + missing + ". Substituted are: " + new TreeSet<>(substitutions.keySet()));
        }
    }

    /**
     * The {@code Resource} of every Task state, at any depth (Map item processors, Parallel branches), e.g.
     * {@code arn:aws:states:::lambda:invoke}, sorted.
     */
    public Set<String> taskResources() {
        Set<String> resources = new TreeSet<>();
        try {
            collectTaskResources(new ObjectMapper().readTree(text), resources);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("validated in the constructor", e);
        }
        return resources;
    }

    /** True when any Map state reads its items from or writes its results to S3 (Distributed Map). */
    public boolean usesDistributedMapS3() {
        return text.contains("\"ItemReader\"") || text.contains("\"ResultWriter\"");
    }

    private static void collectTaskResources(JsonNode node, Set<String> resources) {
        if (node.isObject()) {
            if ("Task".equals(node.path("Type").asText()) && node.path("Resource").isTextual()) {
                resources.add(node.path("Resource").asText());
            }
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collectTaskResources(children.next(), resources);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectTaskResources(child, resources));
        }
    }
}
