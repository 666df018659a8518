package dev.reelsmith.local.asl.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSONPath "Paths" as the States Language uses them in InputPath, OutputPath, ItemsPath, Choice variables and
 * {@code .$} fields: {@code $...} reads the subject (usually the state input), {@code $$...} the context object,
 * and {@code $name...} a workflow variable. Definite paths are walked directly; paths with wildcards, slices,
 * filters or deep scans go through Jayway JsonPath, the library whose messages AWS errors quote.
 */
public final class JsonPaths {
    private static final Configuration JAYWAY = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(JsonValues.mapper()))
            .mappingProvider(new JacksonMappingProvider(JsonValues.mapper()))
            .build();
    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

    private JsonPaths() {
    }

    /** Thrown when a path selects nothing; the message is Jayway's ("No results for path: $['a']"). */
    public static final class NoResultsException extends Exception {
        NoResultsException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Checks that {@code path} is a Path the engine can evaluate.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static void validate(String path) {
        compile(path);
    }

    /** Whether {@code path} reads a workflow variable ({@code $name} or {@code $name.field}). */
    public static boolean isVariablePath(String path) {
        return path.length() > 1 && path.charAt(0) == '$' && isIdentifierStart(path.charAt(1));
    }

    /** Whether {@code path} reads the context object. */
    public static boolean isContextPath(String path) {
        return path.startsWith("$$");
    }

    /** The variable a variable path reads. */
    public static String variableName(String path) {
        int end = 1;
        while (end < path.length() && isIdentifierPart(path.charAt(end))) {
            end++;
        }
        return path.substring(1, end);
    }

    /**
     * Evaluates {@code path}.
     *
     * @throws NoResultsException when the path selects nothing (or names an unknown variable)
     */
    public static JsonNode read(String path, JsonNode subject, JsonNode context, VariableLookup variables)
            throws NoResultsException {
        Compiled compiled = compile(path);
        JsonNode root;
        switch (compiled.root) {
            case CONTEXT -> root = context;
            case VARIABLE -> {
                Optional<JsonNode> value = variables.get(compiled.variable);
                if (value.isEmpty()) {
                    throw new NoResultsException("Variable '" + compiled.variable + "' is not defined");
                }
                root = value.get();
            }
            default -> root = subject;
        }
        if (compiled.reference != null) {
            Optional<JsonNode> found = compiled.reference.read(root);
            if (found.isEmpty()) {
                int prefix = compiled.reference.existingPrefix(root);
                String message = prefix == compiled.reference.steps().size() - 1
                        ? "No results for path: " + compiled.reference.normalised(prefix + 1)
                        : "Missing property in path " + compiled.reference.normalised(prefix + 1);
                throw new NoResultsException(message);
            }
            return found.get();
        }
        try {
            Object result = compiled.jayway.read(root, JAYWAY);
            if (result instanceof JsonNode node) {
                return node;
            }
            return JsonValues.mapper().valueToTree(result);
        } catch (PathNotFoundException e) {
            throw new NoResultsException(e.getMessage());
        }
    }

    private static Compiled compile(String path) {
        Compiled cached = CACHE.get(path);
        if (cached != null) {
            return cached;
        }
        Compiled compiled = doCompile(path);
        CACHE.put(path, compiled);
        return compiled;
    }

    private static Compiled doCompile(String path) {
        if (path == null || !path.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$', was " + quoted(path));
        }
        Root root;
        String relative;
        String variable = null;
        if (path.startsWith("$$")) {
            root = Root.CONTEXT;
            relative = path.substring(1);
        } else if (isVariablePath(path)) {
            root = Root.VARIABLE;
            variable = variableName(path);
            relative = "$" + path.substring(1 + variable.length());
            if (variable.equals("states")) {
                throw new IllegalArgumentException("'$states' is reserved for JSONata, was " + quoted(path));
            }
        } else {
            root = Root.SUBJECT;
            relative = path;
        }
        Optional<ReferencePath> reference = ReferencePath.parse(relative);
        if (reference.isPresent()) {
            return new Compiled(root, variable, reference.get(), null);
        }
        try {
            return new Compiled(root, variable, null, JsonPath.compile(relative));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid JSONPath " + quoted(path) + ": " + e.getMessage(), e);
        }
    }

    private static String quoted(String path) {
        return path == null ? "null" : "'" + path + "'";
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private enum Root { SUBJECT, CONTEXT, VARIABLE }

    private record Compiled(Root root, String variable, ReferencePath reference, JsonPath jayway) {
    }
}
