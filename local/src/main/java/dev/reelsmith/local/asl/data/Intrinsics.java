package dev.reelsmith.local.asl.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The JSONPath intrinsic functions ({@code States.Format('{} {}', $.a, $$.Execution.Id)} and the rest), parsed
 * once per definition and evaluated per state. Arguments are string literals in single quotes (with {@code \'},
 * {@code \{}, {@code \}} and {@code \\} escapes), numbers, booleans, {@code null}, paths ({@code $}, {@code $$},
 * {@code $variable}) and nested calls. Bad arguments fail with {@code States.IntrinsicFailure}.
 */
public final class Intrinsics {
    /** Step Functions' limit on arrays made by States.ArrayRange. */
    static final int MAX_RANGE_ITEMS = 1000;
    private static final JsonNodeFactory NODES = JsonValues.nodes();
    private static final Map<String, Call> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("States.Format", new int[] {1, Integer.MAX_VALUE}),
            Map.entry("States.StringToJson", new int[] {1, 1}),
            Map.entry("States.JsonToString", new int[] {1, 1}),
            Map.entry("States.Array", new int[] {0, Integer.MAX_VALUE}),
            Map.entry("States.ArrayPartition", new int[] {2, 2}),
            Map.entry("States.ArrayContains", new int[] {2, 2}),
            Map.entry("States.ArrayRange", new int[] {3, 3}),
            Map.entry("States.ArrayGetItem", new int[] {2, 2}),
            Map.entry("States.ArrayLength", new int[] {1, 1}),
            Map.entry("States.ArrayUnique", new int[] {1, 1}),
            Map.entry("States.Base64Encode", new int[] {1, 1}),
            Map.entry("States.Base64Decode", new int[] {1, 1}),
            Map.entry("States.Hash", new int[] {2, 2}),
            Map.entry("States.JsonMerge", new int[] {3, 3}),
            Map.entry("States.MathRandom", new int[] {2, 3}),
            Map.entry("States.MathAdd", new int[] {2, 2}),
            Map.entry("States.StringSplit", new int[] {2, 2}),
            Map.entry("States.UUID", new int[] {0, 0}));
    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private Intrinsics() {
    }

    /** A parsed argument. */
    sealed interface Arg permits Literal, PathArg, Call {
    }

    /** A literal; for strings {@code raw} keeps the escapes, which States.Format needs. */
    record Literal(JsonNode value, String raw) implements Arg {
    }

    /** A path argument. */
    record PathArg(String path) implements Arg {
    }

    /** A function call. */
    public record Call(String name, List<Arg> args) implements Arg {
    }

    /** Whether {@code text} is written as an intrinsic function call rather than a path. */
    public static boolean isCall(String text) {
        return text.startsWith("States.");
    }

    /**
     * Parses an intrinsic function call.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Call parse(String text) {
        Call cached = CACHE.get(text);
        if (cached != null) {
            return cached;
        }
        Parser parser = new Parser(text);
        Call call = parser.call();
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the closing parenthesis");
        }
        CACHE.put(text, call);
        return call;
    }

    /**
     * Evaluates a parsed call.
     *
     * @throws JsonPaths.NoResultsException when a path argument selects nothing
     * @throws StatesFailure {@code States.IntrinsicFailure} when an argument is unusable
     */
    public static JsonNode evaluate(Call call, JsonNode subject, JsonNode context, VariableLookup variables)
            throws JsonPaths.NoResultsException {
        List<JsonNode> values = new ArrayList<>(call.args().size());
        for (Arg arg : call.args()) {
            values.add(argument(arg, subject, context, variables));
        }
        return apply(call, values);
    }

    private static JsonNode argument(Arg arg, JsonNode subject, JsonNode context, VariableLookup variables)
            throws JsonPaths.NoResultsException {
        if (arg instanceof Literal literal) {
            return literal.value();
        }
        if (arg instanceof PathArg path) {
            return JsonPaths.read(path.path(), subject, context, variables);
        }
        return evaluate((Call) arg, subject, context, variables);
    }

    private static JsonNode apply(Call call, List<JsonNode> args) {
        String name = call.name();
        return switch (name) {
            case "States.Format" -> NODES.textNode(format(call, args));
            case "States.StringToJson" -> {
                String text = string(name, args, 0);
                try {
                    yield JsonValues.parse(text);
                } catch (IllegalArgumentException e) {
                    throw failure(name, "the argument is not valid JSON: " + e.getMessage());
                }
            }
            case "States.JsonToString" -> NODES.textNode(JsonValues.print(args.get(0)));
            case "States.Array" -> {
                ArrayNode array = NODES.arrayNode();
                args.forEach(array::add);
                yield array;
            }
            case "States.ArrayPartition" -> {
                ArrayNode array = array(name, args, 0);
                long size = integer(name, args, 1);
                if (size <= 0) {
                    throw failure(name, "the chunk size must be a positive integer, was " + size);
                }
                ArrayNode chunks = NODES.arrayNode();
                ArrayNode chunk = null;
                for (int i = 0; i < array.size(); i++) {
                    if (i % size == 0) {
                        chunk = chunks.addArray();
                    }
                    chunk.add(array.get(i));
                }
                yield chunks;
            }
            case "States.ArrayContains" -> {
                ArrayNode array = array(name, args, 0);
                JsonNode wanted = args.get(1);
                boolean found = false;
                for (JsonNode element : array) {
                    if (JsonEquality.equal(element, wanted)) {
                        found = true;
                        break;
                    }
                }
                yield NODES.booleanNode(found);
            }
            case "States.ArrayRange" -> {
                long start = integer(name, args, 0);
                long end = integer(name, args, 1);
                long step = integer(name, args, 2);
                if (step == 0) {
                    throw failure(name, "the step must not be 0");
                }
                ArrayNode range = NODES.arrayNode();
                for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
                    if (range.size() == MAX_RANGE_ITEMS) {
                        throw failure(name, "the range has more than " + MAX_RANGE_ITEMS + " items");
                    }
                    range.add(v);
                }
                yield range;
            }
            case "States.ArrayGetItem" -> {
                ArrayNode array = array(name, args, 0);
                long index = integer(name, args, 1);
                if (index < 0 || index >= array.size()) {
                    throw failure(name, "the index " + index + " is out of bounds for an array of " + array.size());
                }
                yield array.get((int) index);
            }
            case "States.ArrayLength" -> NODES.numberNode(array(name, args, 0).size());
            case "States.ArrayUnique" -> {
                ArrayNode unique = NODES.arrayNode();
                for (JsonNode element : array(name, args, 0)) {
                    boolean seen = false;
                    for (JsonNode kept : unique) {
                        if (JsonEquality.equal(kept, element)) {
                            seen = true;
                            break;
                        }
                    }
                    if (!seen) {
                        unique.add(element);
                    }
                }
                yield unique;
            }
            case "States.Base64Encode" -> NODES.textNode(Base64.getEncoder()
                    .encodeToString(string(name, args, 0).getBytes(StandardCharsets.UTF_8)));
            case "States.Base64Decode" -> {
                try {
                    yield NODES.textNode(new String(Base64.getDecoder().decode(string(name, args, 0)),
                            StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw failure(name, "the argument is not valid Base64: " + e.getMessage());
                }
            }
            case "States.Hash" -> {
                String data = string(name, args, 0);
                String algorithm = string(name, args, 1);
                if (!HASH_ALGORITHMS.contains(algorithm)) {
                    throw failure(name, "the algorithm must be one of " + String.join(", ",
                            List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512")) + ", was '" + algorithm + "'");
                }
                try {
                    MessageDigest digest = MessageDigest.getInstance(algorithm);
                    yield NODES.textNode(HexFormat.of().formatHex(digest.digest(data.getBytes(StandardCharsets.UTF_8))));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("the JVM lacks " + algorithm, e);
                }
            }
            case "States.JsonMerge" -> {
                JsonNode first = args.get(0);
                JsonNode second = args.get(1);
                if (!first.isObject() || !second.isObject()) {
                    throw failure(name, "both arguments must be JSON objects");
                }
                if (!args.get(2).isBoolean()) {
                    throw failure(name, "the third argument must be a boolean");
                }
                if (args.get(2).booleanValue()) {
                    throw failure(name, "only shallow merging is supported; the third argument must be false");
                }
                ObjectNode merged = ((ObjectNode) first).deepCopy();
                merged.setAll((ObjectNode) second);
                yield merged;
            }
            case "States.MathRandom" -> {
                long start = integer(name, args, 0);
                long end = integer(name, args, 1);
                if (end <= start) {
                    throw failure(name, "the end must be greater than the start, was " + start + " and " + end);
                }
                Random random = args.size() == 3 ? new Random(integer(name, args, 2)) : ThreadLocalRandom.current();
                yield NODES.numberNode(start + (long) Math.floor(random.nextDouble() * (end - start)));
            }
            case "States.MathAdd" -> NODES.numberNode(integer(name, args, 0) + integer(name, args, 1));
            case "States.StringSplit" -> {
                StringTokenizer tokens = new StringTokenizer(string(name, args, 0), string(name, args, 1));
                ArrayNode parts = NODES.arrayNode();
                while (tokens.hasMoreTokens()) {
                    parts.add(tokens.nextToken());
                }
                yield parts;
            }
            case "States.UUID" -> NODES.textNode(UUID.randomUUID().toString());
            default -> throw new IllegalStateException("unknown intrinsic function " + name);
        };
    }

    private static String format(Call call, List<JsonNode> args) {
        Arg templateArg = call.args().get(0);
        String template = templateArg instanceof Literal literal && literal.raw() != null
                ? literal.raw()
                : string(call.name(), args, 0);
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw failure(call.name(), "the template has more placeholders than arguments");
                }
                JsonNode value = args.get(next++);
                out.append(value.isTextual() ? value.textValue() : JsonValues.print(value));
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw failure(call.name(), "the template has fewer placeholders than arguments");
        }
        return out.toString();
    }

    private static String string(String function, List<JsonNode> args, int index) {
        JsonNode value = args.get(index);
        if (!value.isTextual()) {
            throw failure(function, "argument " + (index + 1) + " must be a string, was " + JsonValues.print(value));
        }
        return value.textValue();
    }

    private static ArrayNode array(String function, List<JsonNode> args, int index) {
        JsonNode value = args.get(index);
        if (!value.isArray()) {
            throw failure(function, "argument " + (index + 1) + " must be an array, was " + JsonValues.print(value));
        }
        return (ArrayNode) value;
    }

    private static long integer(String function, List<JsonNode> args, int index) {
        JsonNode value = args.get(index);
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            BigDecimal decimal = value.decimalValue();
            if (decimal.stripTrailingZeros().scale() <= 0) {
                return decimal.longValueExact();
            }
        }
        throw failure(function, "argument " + (index + 1) + " must be an integer, was " + JsonValues.print(value));
    }

    private static StatesFailure failure(String function, String detail) {
        return new StatesFailure("States.IntrinsicFailure", "Invalid arguments in " + function + ": " + detail);
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Call call() {
            skipSpaces();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            String name = text.substring(start, pos);
            int[] arity = ARITY.get(name);
            if (arity == null) {
                throw error("unknown intrinsic function '" + name + "'");
            }
            skipSpaces();
            expect('(');
            List<Arg> args = new ArrayList<>();
            skipSpaces();
            if (peek() == ')') {
                pos++;
            } else {
                while (true) {
                    args.add(argument());
                    skipSpaces();
                    char c = peek();
                    pos++;
                    if (c == ')') {
                        break;
                    }
                    if (c != ',') {
                        pos--;
                        throw error("expected ',' or ')'");
                    }
                }
            }
            if (args.size() < arity[0] || args.size() > arity[1]) {
                throw error(name + " takes " + (arity[0] == arity[1] ? String.valueOf(arity[0])
                        : arity[1] == Integer.MAX_VALUE ? "at least " + arity[0] : arity[0] + " to " + arity[1])
                        + " arguments, was " + args.size());
            }
            return new Call(name, List.copyOf(args));
        }

        private Arg argument() {
            skipSpaces();
            char c = peek();
            if (c == '\'') {
                return stringLiteral();
            }
            if (c == '$') {
                return new PathArg(pathToken());
            }
            if (text.startsWith("States.", pos)) {
                return call();
            }
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') {
                pos++;
            }
            String token = text.substring(start, pos).trim();
            switch (token) {
                case "true":
                    return new Literal(NODES.booleanNode(true), null);
                case "false":
                    return new Literal(NODES.booleanNode(false), null);
                case "null":
                    return new Literal(NODES.nullNode(), null);
                default:
                    JsonNode number = null;
                    try {
                        number = JsonValues.parse(token);
                    } catch (IllegalArgumentException notJson) {
                        // reported below
                    }
                    if (number == null || !number.isNumber()) {
                        pos = start;
                        throw error("unexpected argument '" + token + "'");
                    }
                    return new Literal(number, null);
            }
        }

        private Literal stringLiteral() {
            pos++;
            StringBuilder value = new StringBuilder();
            StringBuilder raw = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '\\') {
                    if (pos >= text.length()) {
                        break;
                    }
                    char escaped = text.charAt(pos++);
                    value.append(escaped);
                    raw.append('\\').append(escaped);
                } else if (c == '\'') {
                    return new Literal(NODES.textNode(value.toString()), raw.toString());
                } else {
                    value.append(c);
                    raw.append(c);
                }
            }
            throw error("unterminated string literal");
        }

        private String pathToken() {
            int start = pos;
            int depth = 0;
            char quote = 0;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '[' || c == '(') {
                    depth++;
                } else if (c == ']' || (c == ')' && depth > 0)) {
                    depth--;
                } else if (depth == 0 && (c == ',' || c == ')')) {
                    break;
                }
                pos++;
            }
            String path = text.substring(start, pos).trim();
            try {
                JsonPaths.validate(path);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
            return path;
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end of the expression");
            }
            return text.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("invalid intrinsic function '" + text + "' at position " + pos
                    + ": " + what);
        }
    }

    private static final class JsonEquality {
        static boolean equal(JsonNode a, JsonNode b) {
            if (a.isNumber() && b.isNumber()) {
                return a.decimalValue().compareTo(b.decimalValue()) == 0;
            }
            return a.equals(b);
        }
    }
}
