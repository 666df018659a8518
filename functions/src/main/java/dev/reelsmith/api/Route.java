package dev.reelsmith.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One operation of the API: a method and a path template such as {@code /sessions/{id}/events} (the same spelling
 * as the OpenAPI document's paths and API Gateway's route keys), whether it needs a caller identity, and what
 * answers it.
 *
 * @param method        upper-case HTTP method
 * @param template      the path template; {@code {name}} matches one non-empty segment
 * @param authenticated true when the operation needs an owner (everything but health and the document)
 * @param operation     the code that answers
 */
public record Route(String method, String template, boolean authenticated, Operation operation) {
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    public Route {
        method = method.toUpperCase(Locale.ROOT);
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with /, was " + template);
        }
        Objects.requireNonNull(operation, "operation");
    }

    /** Answers one matched request. */
    @FunctionalInterface
    public interface Operation {
        ApiResponse answer(Call call);
    }

    /** The route key as API Gateway and the OpenAPI document spell it, e.g. {@code GET /sessions/{id}}. */
    public String key() {
        return method + " " + template;
    }

    /** The path parameters when {@code path} matches the template. */
    Optional<Map<String, String>> match(String path) {
        List<String> want = segments(template);
        List<String> have = segments(path);
        if (want.size() != have.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < want.size(); i++) {
            var parameter = PARAMETER.matcher(want.get(i));
            if (parameter.matches()) {
                if (have.get(i).isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(parameter.group(1), URLDecoder.decode(have.get(i), StandardCharsets.UTF_8));
            } else if (!want.get(i).equals(have.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    private static List<String> segments(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return List.of(trimmed.substring(1).split("/", -1));
    }
}
