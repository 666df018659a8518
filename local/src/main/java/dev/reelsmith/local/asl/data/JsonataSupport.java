package dev.reelsmith.local.asl.data;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSONata as Step Functions runs it: strings of the form {@code "{% expression %}"} evaluated with
 * {@code com.dashjoin:jsonata}, with {@code $states} and the workflow variables bound, the functions Step Functions
 * adds ({@code $partition}, {@code $range}, {@code $hash}, {@code $random}, {@code $uuid}, {@code $parse}) and
 * {@code $eval} removed. A result that is undefined, not JSON, or an evaluation error fails the state with
 * {@code States.QueryEvaluationError}.
 */
public final class JsonataSupport {
    /** The error every JSONata failure is reported as. */
    public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
    private static final JsonNodeFactory NODES = JsonValues.nodes();
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();
    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private JsonataSupport() {
    }

    /** Whether {@code value} is a JSONata expression string ({@code {% ... %}}). */
    public static boolean isExpression(JsonNode value) {
        return value != null && value.isTextual() && isExpression(value.textValue());
    }

    /** Whether {@code text} is a JSONata expression string ({@code {% ... %}}). */
    public static boolean isExpression(String text) {
        return text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}");
    }

    /** The expression inside {@code {% ... %}}, trimmed. */
    public static String body(String expressionString) {
        return expressionString.substring(2, expressionString.length() - 2).trim();
    }

    /**
     * Checks that {@code expressionString} parses.
     *
     * @throws IllegalArgumentException with the parser's message
     */
    public static void validate(String expressionString) {
        String body = body(expressionString);
        if (body.isEmpty()) {
            throw new IllegalArgumentException("the JSONata expression '" + expressionString + "' is empty");
        }
        compile(body);
    }

    /**
     * Evaluates a {@code {% ... %}} string.
     *
     * @param field where the expression is written, relative to the state ({@code Output/a/b[0]}), for messages
     * @throws StatesFailure {@code States.QueryEvaluationError} when evaluation fails or yields nothing usable
     */
    public static JsonNode evaluate(String expressionString, JsonataScope scope, String field) {
        String body = body(expressionString);
        Compiled compiled = compile(body);
        Object result = run(compiled, body, scope, field);
        if (result == null && !exists(body, scope, field)) {
            throw new StatesFailure(QUERY_EVALUATION_ERROR, "The JSONata expression '" + body
                    + "' specified for the field '" + field + "' returned nothing (undefined).");
        }
        try {
            return toJson(result);
        } catch (IllegalArgumentException unsupported) {
            throw new StatesFailure(QUERY_EVALUATION_ERROR, "The JSONata expression '" + body
                    + "' specified for the field '" + field + "' returned an unsupported result type.");
        }
    }

    private static boolean exists(String body, JsonataScope scope, String field) {
        String wrapped = "$exists((" + body + "))";
        Object exists = run(compile(wrapped), body, scope, field);
        return Boolean.TRUE.equals(exists);
    }

    private static Object run(Compiled compiled, String body, JsonataScope scope, String field) {
        try {
            Jsonata.Frame frame = compiled.expression.createFrame();
            if (compiled.usesStates) {
                frame.bind("states", scope.states());
            }
            for (String name : compiled.variables) {
                scope.variables().get(name)
                        .ifPresent(value -> frame.bind(name, value.isNull() ? Jsonata.NULL_VALUE : toJava(value)));
            }
            return compiled.expression.evaluate(null, frame);
        } catch (StatesFailure e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // the library wraps exceptions thrown by registered functions in a bare RuntimeException
            Throwable cause = e.getClass() == RuntimeException.class && e.getCause() != null ? e.getCause() : e;
            throw new StatesFailure(QUERY_EVALUATION_ERROR, "The JSONata expression '" + body
                    + "' specified for the field '" + field + "' threw an error during evaluation: "
                    + describe(cause));
        }
    }

    private static String describe(Throwable error) {
        if (error instanceof com.dashjoin.jsonata.JException jException) {
            return jException.getError() + ": " + jException.getMessage();
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    private static Compiled compile(String body) {
        Compiled cached = CACHE.get(body);
        if (cached != null) {
            return cached;
        }
        Jsonata expression;
        try {
            expression = Jsonata.jsonata(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the JSONata expression '" + body + "' is invalid: " + describe(e), e);
        }
        if (expression.getErrors() != null && !expression.getErrors().isEmpty()) {
            throw new IllegalArgumentException("the JSONata expression '" + body + "' is invalid: "
                    + describe(expression.getErrors().get(0)));
        }
        registerStepFunctionsFunctions(expression);
        Set<String> variables = new LinkedHashSet<>();
        Matcher matcher = VARIABLE_REFERENCE.matcher(body);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        boolean usesStates = variables.remove("states");
        Compiled compiled = new Compiled(expression, usesStates, List.copyOf(variables));
        CACHE.put(body, compiled);
        return compiled;
    }

    private static void registerStepFunctionsFunctions(Jsonata expression) {
        expression.registerFunction("partition", new Jsonata.JFunction((input, args) -> {
            List<?> array = arrayArg("$partition", args, 0);
            long size = integerArg("$partition", args, 1);
            if (size <= 0) {
                throw new IllegalArgumentException("$partition: the chunk size must be positive, was " + size);
            }
            List<Object> chunks = new ArrayList<>();
            for (int i = 0; i < array.size(); i += (int) size) {
                chunks.add(new ArrayList<>(array.subList(i, (int) Math.min(array.size(), i + size))));
            }
            return chunks;
        }, null));
        expression.registerFunction("range", new Jsonata.JFunction((input, args) -> {
            long start = integerArg("$range", args, 0);
            long end = integerArg("$range", args, 1);
            long step = integerArg("$range", args, 2);
            if (step == 0) {
                throw new IllegalArgumentException("$range: the step must not be 0");
            }
            List<Object> range = new ArrayList<>();
            for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
                if (range.size() == Intrinsics.MAX_RANGE_ITEMS) {
                    throw new IllegalArgumentException("$range: more than " + Intrinsics.MAX_RANGE_ITEMS + " items");
                }
                range.add(v);
            }
            return range;
        }, null));
        expression.registerFunction("hash", new Jsonata.JFunction((input, args) -> {
            Object data = arg(args, 0);
            Object algorithm = arg(args, 1);
            if (!(data instanceof String text) || !(algorithm instanceof String name) || !HASH_ALGORITHMS.contains(name)) {
                throw new IllegalArgumentException("$hash takes a string and one of MD5, SHA-1, SHA-256, SHA-384,"
                        + " SHA-512");
            }
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }, null));
        expression.registerFunction("random", new Jsonata.JFunction((input, args) -> {
            Object seed = arg(args, 0);
            if (seed == null) {
                return ThreadLocalRandom.current().nextDouble();
            }
            return new Random(integerArg("$random", args, 0)).nextDouble();
        }, null));
        expression.registerFunction("uuid", new Jsonata.JFunction((input, args) -> UUID.randomUUID().toString(), null));
        expression.registerFunction("parse", new Jsonata.JFunction((input, args) -> {
            Object text = arg(args, 0);
            if (!(text instanceof String json)) {
                throw new IllegalArgumentException("$parse takes a JSON string");
            }
            JsonNode parsed = JsonValues.parse(json);
            return parsed.isNull() ? Jsonata.NULL_VALUE : toJava(parsed);
        }, null));
        expression.registerFunction("eval", new Jsonata.JFunction((input, args) -> {
            throw new IllegalArgumentException("$eval is not supported by Step Functions; use $parse");
        }, null));
    }

    private static Object arg(List<?> args, int index) {
        return args != null && args.size() > index ? args.get(index) : null;
    }

    private static List<?> arrayArg(String function, List<?> args, int index) {
        Object value = arg(args, index);
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(function + ": argument " + (index + 1) + " must be an array");
        }
        return list;
    }

    private static long integerArg(String function, List<?> args, int index) {
        Object value = arg(args, index);
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        throw new IllegalArgumentException(function + ": argument " + (index + 1) + " must be an integer");
    }

    /** Jackson tree to JSONata's data model: maps, lists, strings, numbers, booleans and {@code null}. */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), toJava(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toJava(element)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    /**
     * JSONata's data model back to a Jackson tree; numbers follow JavaScript, so {@code 3.0} becomes {@code 3}.
     *
     * @throws IllegalArgumentException for values JSON cannot hold (functions, NaN, infinities)
     */
    public static JsonNode toJson(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return NODES.nullNode();
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long number = ((Number) value).longValue();
            return number == (int) number ? NODES.numberNode((int) number) : NODES.numberNode(number);
        }
        if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        if (value instanceof Number number) {
            double d = number instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("not a JSON number: " + d);
            }
            if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
                long whole = (long) d;
                return whole == (int) whole ? NODES.numberNode((int) whole) : NODES.numberNode(whole);
            }
            return NODES.numberNode(d);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                object.set(String.valueOf(entry.getKey()), toJson(entry.getValue()));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            for (Object element : list) {
                array.add(toJson(element));
            }
            return array;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    private record Compiled(Jsonata expression, boolean usesStates, List<String> variables) {
    }
}
