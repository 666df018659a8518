package dev.reelsmith.local.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.local.asl.data.Intrinsics;
import dev.reelsmith.local.asl.data.JsonPaths;
import dev.reelsmith.local.asl.data.JsonValues;
import dev.reelsmith.local.asl.data.JsonataSupport;
import dev.reelsmith.local.asl.data.JsonataTemplate;
import dev.reelsmith.local.asl.data.PayloadTemplate;
import dev.reelsmith.local.asl.data.ResultPaths;
import dev.reelsmith.local.asl.data.Timestamps;
import dev.reelsmith.local.asl.task.ResourceArn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an Amazon States Language definition and checks it the way {@code CreateStateMachine} does, collecting
 * every problem rather than stopping at the first: unknown or misplaced fields (including fields of the other query
 * language: {@code InputPath}, {@code Parameters}, {@code ResultSelector}, {@code ResultPath}, {@code OutputPath}
 * are JSONPath-only, {@code Arguments}, {@code Output}, {@code Items} JSONata-only, {@code Assign} both), missing
 * or dangling transitions, unreachable states, workflows without a terminal state, duplicate state names, malformed
 * paths, intrinsic functions and JSONata expressions, Retry/Catch rules ({@code States.ALL} alone and last), and
 * variable scoping (a Parallel branch or Map iteration may not assign a variable its enclosing scopes assign).
 * A state machine whose top-level QueryLanguage is JSONata cannot contain JSONPath states; a state without its own
 * QueryLanguage uses the top-level one, nested workflows included.
 */
public final class DefinitionParser {
    private static final Pattern VARIABLE_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]*");
    private static final int MAX_NAME_LENGTH = 80;
    private static final long MAX_SECONDS = 99_999_999L;
    private static final Set<String> TOP_LEVEL = Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version",
            "QueryLanguage");
    private static final Set<String> BRANCH = Set.of("Comment", "StartAt", "States");
    private static final Set<String> PROCESSOR = Set.of("Comment", "StartAt", "States", "ProcessorConfig");
    private static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector",
            "ResultPath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath", "TimestampPath", "ErrorPath",
            "CausePath", "ItemsPath", "MaxConcurrencyPath", "Result", "ToleratedFailureCountPath",
            "ToleratedFailurePercentagePath");
    private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");
    private static final Set<String> DISTRIBUTED_ONLY = Set.of("ItemReader", "ItemBatcher", "ResultWriter",
            "ToleratedFailureCount", "ToleratedFailurePercentage", "ToleratedFailureCountPath",
            "ToleratedFailurePercentagePath");
    private static final Map<StateType, Set<String>> FIELDS = Map.of(
            StateType.Pass, Set.of("Next", "End", "InputPath", "OutputPath", "Parameters", "Result", "ResultPath",
                    "Assign", "Output"),
            StateType.Task, Set.of("Next", "End", "Resource", "Retry", "Catch", "TimeoutSeconds", "HeartbeatSeconds",
                    "TimeoutSecondsPath", "HeartbeatSecondsPath", "Credentials", "InputPath", "OutputPath",
                    "Parameters", "ResultSelector", "ResultPath", "Assign", "Arguments", "Output"),
            StateType.Choice, Set.of("Choices", "Default", "InputPath", "OutputPath", "Assign", "Output"),
            StateType.Wait, Set.of("Next", "End", "Seconds", "Timestamp", "SecondsPath", "TimestampPath",
                    "InputPath", "OutputPath", "Assign", "Output"),
            StateType.Succeed, Set.of("InputPath", "OutputPath", "Output"),
            StateType.Fail, Set.of("Error", "Cause", "ErrorPath", "CausePath"),
            StateType.Parallel, Set.of("Next", "End", "Branches", "Retry", "Catch", "InputPath", "OutputPath",
                    "Parameters", "ResultSelector", "ResultPath", "Assign", "Arguments", "Output"),
            StateType.Map, Set.of("Next", "End", "ItemProcessor", "Iterator", "ItemSelector", "ItemsPath", "Items",
                    "MaxConcurrency", "MaxConcurrencyPath", "Retry", "Catch", "Label", "InputPath", "OutputPath",
                    "Parameters", "ResultSelector", "ResultPath", "Assign", "Output", "ItemReader", "ItemBatcher",
                    "ResultWriter", "ToleratedFailureCount", "ToleratedFailurePercentage",
                    "ToleratedFailureCountPath", "ToleratedFailurePercentagePath"));

    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> stateNamePointers = new HashMap<>();

    private DefinitionParser() {
    }

    /**
     * Parses and validates a definition.
     *
     * @throws InvalidDefinitionException listing every problem
     */
    public static StateMachineDefinition parse(String json) {
        JsonNode root;
        try {
            root = JsonValues.parse(json);
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException(List.of("INVALID_JSON_DESCRIPTION: " + e.getMessage()));
        }
        DefinitionParser parser = new DefinitionParser();
        StateMachineDefinition definition = parser.topLevel(root);
        if (!parser.problems.isEmpty() || definition == null) {
            throw new InvalidDefinitionException(parser.problems.isEmpty()
                    ? List.of("SCHEMA_VALIDATION_FAILED: invalid definition at /") : parser.problems);
        }
        return definition;
    }

    private StateMachineDefinition topLevel(JsonNode root) {
        if (!root.isObject()) {
            problem("SCHEMA_VALIDATION_FAILED", "The definition must be a JSON object", "");
            return null;
        }
        unknownFields(root, TOP_LEVEL, "");
        QueryLanguage language = QueryLanguage.JSONPATH;
        JsonNode ql = root.get("QueryLanguage");
        if (ql != null) {
            language = QueryLanguage.fromAwsName(ql.asText(null));
            if (!ql.isTextual() || language == null) {
                problem("SCHEMA_VALIDATION_FAILED", "QueryLanguage must be \"JSONPath\" or \"JSONata\"", "/QueryLanguage");
                language = QueryLanguage.JSONPATH;
            }
        }
        Integer timeout = null;
        if (root.has("TimeoutSeconds")) {
            timeout = positiveInteger(root.get("TimeoutSeconds"), "/TimeoutSeconds");
        }
        JsonNode version = root.get("Version");
        if (version != null && !"1.0".equals(version.asText(null))) {
            problem("SCHEMA_VALIDATION_FAILED", "Version must be \"1.0\"", "/Version");
        }
        String comment = text(root.get("Comment"), "/Comment");
        Scope scope = new Scope(null);
        Workflow workflow = workflow(root, "", language, language, scope);
        checkScopes(scope);
        if (workflow == null) {
            return null;
        }
        return new StateMachineDefinition(comment, language, timeout, workflow);
    }

    /** Variable names assigned in one workflow, and the workflows nested in it. */
    private static final class Scope {
        final Scope parent;
        final Map<String, String> assigned = new LinkedHashMap<>();
        final List<Scope> children = new ArrayList<>();

        Scope(Scope parent) {
            this.parent = parent;
            if (parent != null) {
                parent.children.add(this);
            }
        }
    }

    private void checkScopes(Scope scope) {
        for (Scope child : scope.children) {
            for (Map.Entry<String, String> name : child.assigned.entrySet()) {
                for (Scope outer = scope; outer != null; outer = outer.parent) {
                    if (outer.assigned.containsKey(name.getKey())) {
                        problem("SCHEMA_VALIDATION_FAILED", "The variable '" + name.getKey() + "' is assigned in an"
                                + " enclosing scope (" + outer.assigned.get(name.getKey()) + "); a Parallel branch or"
                                + " Map iteration can read it but not assign it", name.getValue());
                        break;
                    }
                }
            }
            checkScopes(child);
        }
    }

    private Workflow workflow(JsonNode node, String pointer, QueryLanguage defaultLanguage,
                              QueryLanguage machineLanguage, Scope scope) {
        JsonNode startAtNode = node.get("StartAt");
        JsonNode statesNode = node.get("States");
        String startAt = null;
        if (startAtNode == null || !startAtNode.isTextual()) {
            problem("SCHEMA_VALIDATION_FAILED", "StartAt is required and must be a string", pointer + "/StartAt");
        } else {
            startAt = startAtNode.textValue();
        }
        if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
            problem("SCHEMA_VALIDATION_FAILED", "States is required and must be a non-empty object", pointer + "/States");
            return null;
        }
        Map<String, State> states = new LinkedHashMap<>();
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = statesNode.fields();
        boolean complete = true;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String statePointer = pointer + "/States/" + name;
            if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
                problem("SCHEMA_VALIDATION_FAILED", "State names must be 1 to " + MAX_NAME_LENGTH
                        + " characters long", statePointer);
            }
            String earlier = stateNamePointers.putIfAbsent(name, statePointer);
            if (earlier != null) {
                problem("DUPLICATE_STATE_NAME", "Duplicate State name: " + name + " (also at " + earlier + ")",
                        statePointer);
            }
            raw.put(name, field.getValue());
            State state = state(name, field.getValue(), statePointer, defaultLanguage, machineLanguage, scope);
            if (state == null) {
                complete = false;
            } else {
                states.put(name, state);
            }
        }
        if (startAt != null && !raw.containsKey(startAt)) {
            problem("MISSING_TRANSITION_TARGET", "Missing 'StartAt' target: " + startAt, pointer + "/StartAt");
            return null;
        }
        checkTransitions(raw, pointer);
        if (startAt != null) {
            checkReachability(startAt, states, raw, pointer);
        }
        if (!complete || startAt == null) {
            return null;
        }
        return new Workflow(startAt, states);
    }

    private void checkTransitions(Map<String, JsonNode> raw, String pointer) {
        boolean terminal = false;
        for (Map.Entry<String, JsonNode> entry : raw.entrySet()) {
            JsonNode node = entry.getValue();
            String statePointer = pointer + "/States/" + entry.getKey();
            String type = node.path("Type").asText("");
            if (type.equals("Succeed") || type.equals("Fail") || node.path("End").asBoolean(false)) {
                terminal = true;
            }
            for (String target : targets(node)) {
                if (!raw.containsKey(target.substring(target.indexOf(' ') + 1))) {
                    String field = target.substring(0, target.indexOf(' '));
                    problem("MISSING_TRANSITION_TARGET", "Missing '" + field.substring(field.lastIndexOf('/') + 1)
                            + "' target: " + target.substring(target.indexOf(' ') + 1), statePointer + field);
                }
            }
        }
        if (!terminal) {
            problem("MISSING_END_STATE", "Workflow has no terminal state", pointer.isEmpty() ? "/" : pointer);
        }
    }

    /** "{/pointer-suffix} {target}" for every transition a state makes. */
    private static List<String> targets(JsonNode node) {
        List<String> targets = new ArrayList<>();
        if (node.path("Next").isTextual()) {
            targets.add("/Next " + node.get("Next").textValue());
        }
        if (node.path("Default").isTextual()) {
            targets.add("/Default " + node.get("Default").textValue());
        }
        JsonNode choices = node.path("Choices");
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).path("Next").isTextual()) {
                targets.add("/Choices[" + i + "]/Next " + choices.get(i).get("Next").textValue());
            }
        }
        JsonNode catchers = node.path("Catch");
        for (int i = 0; i < catchers.size(); i++) {
            if (catchers.get(i).path("Next").isTextual()) {
                targets.add("/Catch[" + i + "]/Next " + catchers.get(i).get("Next").textValue());
            }
        }
        return targets;
    }

    private void checkReachability(String startAt, Map<String, State> states, Map<String, JsonNode> raw,
                                   String pointer) {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(startAt);
        while (!pending.isEmpty()) {
            String name = pending.poll();
            if (!reached.add(name) || !raw.containsKey(name)) {
                continue;
            }
            for (String target : targets(raw.get(name))) {
                pending.add(target.substring(target.indexOf(' ') + 1));
            }
        }
        for (String name : raw.keySet()) {
            if (!reached.contains(name)) {
                problem("UNREACHABLE_STATE", "State '" + name + "' is not reachable from StartAt",
                        pointer + "/States/" + name);
            }
        }
    }

    private State state(String name, JsonNode node, String pointer, QueryLanguage defaultLanguage,
                        QueryLanguage machineLanguage, Scope scope) {
        if (!node.isObject()) {
            problem("SCHEMA_VALIDATION_FAILED", "A state must be a JSON object", pointer);
            return null;
        }
        JsonNode typeNode = node.get("Type");
        StateType type = typeNode == null ? null : StateType.fromAwsName(typeNode.asText());
        if (type == null) {
            problem("SCHEMA_VALIDATION_FAILED", "Type must be one of Task, Pass, Choice, Wait, Succeed, Fail,"
                    + " Parallel, Map", pointer + "/Type");
            return null;
        }
        QueryLanguage language = defaultLanguage;
        JsonNode ql = node.get("QueryLanguage");
        if (ql != null) {
            QueryLanguage chosen = QueryLanguage.fromAwsName(ql.asText(null));
            if (!ql.isTextual() || chosen == null) {
                problem("SCHEMA_VALIDATION_FAILED", "QueryLanguage must be \"JSONPath\" or \"JSONata\"",
                        pointer + "/QueryLanguage");
            } else if (machineLanguage == QueryLanguage.JSONATA && chosen == QueryLanguage.JSONPATH) {
                problem("SCHEMA_VALIDATION_FAILED", "A state cannot use JSONPath when the state machine's"
                        + " QueryLanguage is JSONata", pointer + "/QueryLanguage");
            } else {
                language = chosen;
            }
        }
        int before = problems.size();
        checkFields(node, type, language, pointer);
        CommonFields common = common(name, type, language, node, pointer, scope);
        State state = switch (type) {
            case Pass -> pass(common, node, pointer);
            case Task -> task(common, node, pointer, scope);
            case Choice -> choice(common, node, pointer, scope);
            case Wait -> waitState(common, node, pointer);
            case Succeed -> new SucceedState(common);
            case Fail -> fail(common, node, pointer);
            case Parallel -> parallel(common, node, pointer, machineLanguage, scope);
            case Map -> map(common, node, pointer, machineLanguage, scope);
        };
        return problems.size() == before ? state : null;
    }

    private void checkFields(JsonNode node, StateType type, QueryLanguage language, String pointer) {
        Set<String> allowed = FIELDS.get(type);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (field.equals("Type") || field.equals("Comment") || field.equals("QueryLanguage")) {
                continue;
            }
            if (!allowed.contains(field)) {
                problem("SCHEMA_VALIDATION_FAILED", "The field '" + field + "' is not supported for " + type
                        + " states", pointer + "/" + field);
            } else if (DISTRIBUTED_ONLY.contains(field)) {
                problem("UNSUPPORTED_FEATURE", "The field '" + field + "' belongs to Distributed Map, which this"
                        + " engine does not implement", pointer + "/" + field);
            } else if (language == QueryLanguage.JSONATA && JSONPATH_ONLY.contains(field)) {
                problem("SCHEMA_VALIDATION_FAILED", "The field '" + field + "' is not supported in JSONata states;"
                        + " use Arguments, Output and Assign", pointer + "/" + field);
            } else if (language == QueryLanguage.JSONPATH && JSONATA_ONLY.contains(field)) {
                problem("SCHEMA_VALIDATION_FAILED", "The field '" + field + "' is only supported in JSONata states",
                        pointer + "/" + field);
            }
        }
    }

    private CommonFields common(String name, StateType type, QueryLanguage language, JsonNode node, String pointer,
                                Scope scope) {
        String comment = text(node.get("Comment"), pointer + "/Comment");
        String next = null;
        boolean end = type == StateType.Succeed || type == StateType.Fail;
        boolean flows = type != StateType.Succeed && type != StateType.Fail && type != StateType.Choice;
        JsonNode nextNode = node.get("Next");
        JsonNode endNode = node.get("End");
        if (flows) {
            if (nextNode != null && endNode != null) {
                problem("SCHEMA_VALIDATION_FAILED", "A state cannot have both Next and End", pointer);
            } else if (nextNode != null) {
                next = text(nextNode, pointer + "/Next");
            } else if (endNode != null) {
                if (!endNode.isBoolean() || !endNode.booleanValue()) {
                    problem("SCHEMA_VALIDATION_FAILED", "End must be true", pointer + "/End");
                }
                end = true;
            } else {
                problem("SCHEMA_VALIDATION_FAILED", "A " + type + " state must have Next or End: true", pointer);
            }
        }
        String inputPath = language == QueryLanguage.JSONPATH ? path(node, "InputPath", pointer) : "$";
        String outputPath = language == QueryLanguage.JSONPATH ? path(node, "OutputPath", pointer) : "$";
        JsonataTemplate output = language == QueryLanguage.JSONATA ? jsonataTemplate(node.get("Output"),
                pointer + "/Output") : null;
        PayloadTemplate assignPath = null;
        JsonataTemplate assignJsonata = null;
        List<String> assigned = List.of();
        JsonNode assign = node.get("Assign");
        if (assign != null && type != StateType.Succeed && type != StateType.Fail) {
            assigned = assignedNames(assign, pointer + "/Assign", scope, language);
            if (language == QueryLanguage.JSONPATH) {
                assignPath = payloadTemplate(assign, pointer + "/Assign");
            } else {
                assignJsonata = jsonataTemplate(assign, pointer + "/Assign");
            }
        }
        return new CommonFields(name, type, language, comment, next, end, inputPath, outputPath, output, assignPath,
                assignJsonata, assigned);
    }

    private List<String> assignedNames(JsonNode assign, String pointer, Scope scope, QueryLanguage language) {
        if (!assign.isObject()) {
            problem("SCHEMA_VALIDATION_FAILED", "Assign must be a JSON object", pointer);
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Iterator<String> keys = assign.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            String name = language == QueryLanguage.JSONPATH && key.endsWith(".$")
                    ? key.substring(0, key.length() - 2) : key;
            if (!VARIABLE_NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
                problem("SCHEMA_VALIDATION_FAILED", "'" + name + "' is not a valid variable name (a letter or _"
                        + " followed by letters, digits or _, at most " + MAX_NAME_LENGTH + " characters)",
                        pointer + "/" + key);
            } else if (name.equals("states")) {
                problem("SCHEMA_VALIDATION_FAILED", "'states' is reserved and cannot be assigned", pointer + "/" + key);
            } else {
                names.add(name);
                scope.assigned.putIfAbsent(name, pointer + "/" + key);
            }
        }
        return names;
    }

    private PassState pass(CommonFields common, JsonNode node, String pointer) {
        if (common.isJsonata()) {
            return new PassState(common, null, null, "$");
        }
        PayloadTemplate parameters = payloadTemplate(node.get("Parameters"), pointer + "/Parameters");
        return new PassState(common, node.get("Result"), parameters, resultPath(node, pointer));
    }

    private TaskState task(CommonFields common, JsonNode node, String pointer, Scope scope) {
        JsonNode resourceNode = node.get("Resource");
        ResourceArn resource = null;
        if (resourceNode == null || !resourceNode.isTextual()) {
            problem("SCHEMA_VALIDATION_FAILED", "Resource is required and must be a string", pointer + "/Resource");
        } else {
            try {
                resource = ResourceArn.parse(resourceNode.textValue());
                if (resource.kind() == ResourceArn.Kind.ACTIVITY) {
                    problem("UNSUPPORTED_FEATURE", "Activities are not implemented by this engine", pointer + "/Resource");
                }
            } catch (IllegalArgumentException e) {
                problem("SCHEMA_VALIDATION_FAILED", "Invalid Resource: " + e.getMessage(), pointer + "/Resource");
            }
        }
        DynamicValue timeout = seconds(node, "TimeoutSeconds", common, pointer, false);
        DynamicValue heartbeat = seconds(node, "HeartbeatSeconds", common, pointer, false);
        if (timeout != null && heartbeat != null && timeout.literal() != null && heartbeat.literal() != null
                && heartbeat.literal().longValue() >= timeout.literal().longValue()) {
            problem("SCHEMA_VALIDATION_FAILED", "HeartbeatSeconds must be smaller than TimeoutSeconds",
                    pointer + "/HeartbeatSeconds");
        }
        List<Retrier> retry = retry(node.get("Retry"), pointer + "/Retry");
        List<Catcher> catchers = catchers(node.get("Catch"), pointer + "/Catch", common.queryLanguage(), scope);
        if (resource == null) {
            return null;
        }
        if (common.isJsonata()) {
            return new TaskState(common, resource, null, jsonataTemplate(node.get("Arguments"), pointer + "/Arguments"),
                    null, "$", timeout, heartbeat, retry, catchers);
        }
        return new TaskState(common, resource, payloadTemplate(node.get("Parameters"), pointer + "/Parameters"), null,
                payloadTemplate(node.get("ResultSelector"), pointer + "/ResultSelector"), resultPath(node, pointer),
                timeout, heartbeat, retry, catchers);
    }

    private ChoiceState choice(CommonFields common, JsonNode node, String pointer, Scope scope) {
        JsonNode choicesNode = node.get("Choices");
        List<ChoiceRule> rules = new ArrayList<>();
        if (choicesNode == null || !choicesNode.isArray() || choicesNode.isEmpty()) {
            problem("SCHEMA_VALIDATION_FAILED", "Choices is required and must be a non-empty array",
                    pointer + "/Choices");
        } else {
            for (int i = 0; i < choicesNode.size(); i++) {
                ChoiceRule rule = choiceRule(choicesNode.get(i), pointer + "/Choices[" + i + "]", common, scope);
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        String defaultState = text(node.get("Default"), pointer + "/Default");
        return new ChoiceState(common, rules, defaultState);
    }

    private ChoiceRule choiceRule(JsonNode node, String pointer, CommonFields state, Scope scope) {
        if (!node.isObject()) {
            problem("SCHEMA_VALIDATION_FAILED", "A choice rule must be a JSON object", pointer);
            return null;
        }
        String next = text(node.get("Next"), pointer + "/Next");
        if (next == null) {
            problem("SCHEMA_VALIDATION_FAILED", "A top-level choice rule must have Next", pointer);
        }
        Condition condition;
        JsonataTemplate output = null;
        if (state.isJsonata()) {
            allowOnly(node, Set.of("Condition", "Next", "Assign", "Output", "Comment"), pointer);
            JsonNode conditionNode = node.get("Condition");
            if (conditionNode == null) {
                problem("SCHEMA_VALIDATION_FAILED", "A JSONata choice rule must have Condition", pointer);
                return null;
            }
            if (conditionNode.isBoolean()) {
                condition = new Condition.Jsonata(conditionNode.booleanValue() ? "{% true %}" : "{% false %}");
            } else if (JsonataSupport.isExpression(conditionNode)) {
                jsonataExpression(conditionNode.textValue(), pointer + "/Condition");
                condition = new Condition.Jsonata(conditionNode.textValue());
            } else {
                problem("SCHEMA_VALIDATION_FAILED", "Condition must be a boolean or a JSONata expression",
                        pointer + "/Condition");
                return null;
            }
            output = jsonataTemplate(node.get("Output"), pointer + "/Output");
        } else {
            Set<String> extra = new HashSet<>(Set.of("Next", "Assign", "Comment"));
            condition = condition(node, pointer, extra);
        }
        PayloadTemplate assignPath = null;
        JsonataTemplate assignJsonata = null;
        List<String> assigned = List.of();
        JsonNode assign = node.get("Assign");
        if (assign != null) {
            assigned = assignedNames(assign, pointer + "/Assign", scope, state.queryLanguage());
            if (state.isJsonata()) {
                assignJsonata = jsonataTemplate(assign, pointer + "/Assign");
            } else {
                assignPath = payloadTemplate(assign, pointer + "/Assign");
            }
        }
        if (condition == null || next == null) {
            return null;
        }
        return new ChoiceRule(condition, next, assignPath, assignJsonata, output, assigned);
    }

    /** A JSONPath condition; {@code extraFields} are the non-condition fields allowed at this level. */
    private Condition condition(JsonNode node, String pointer, Set<String> extraFields) {
        if (!node.isObject()) {
            problem("SCHEMA_VALIDATION_FAILED", "A choice rule must be a JSON object", pointer);
            return null;
        }
        if (node.has("Condition")) {
            problem("SCHEMA_VALIDATION_FAILED", "Condition is only supported in JSONata states", pointer + "/Condition");
            return null;
        }
        for (String combinator : List.of("And", "Or")) {
            if (node.has(combinator)) {
                allowOnly(node, union(extraFields, combinator), pointer);
                JsonNode list = node.get(combinator);
                if (!list.isArray() || list.isEmpty()) {
                    problem("SCHEMA_VALIDATION_FAILED", combinator + " must be a non-empty array", pointer + "/" + combinator);
                    return null;
                }
                List<Condition> nested = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    nested.add(nestedCondition(list.get(i), pointer + "/" + combinator + "[" + i + "]"));
                }
                if (nested.contains(null)) {
                    return null;
                }
                return combinator.equals("And") ? new Condition.And(nested) : new Condition.Or(nested);
            }
        }
        if (node.has("Not")) {
            allowOnly(node, union(extraFields, "Not"), pointer);
            Condition nested = nestedCondition(node.get("Not"), pointer + "/Not");
            return nested == null ? null : new Condition.Not(nested);
        }
        JsonNode variable = node.get("Variable");
        if (variable == null || !variable.isTextual()) {
            problem("SCHEMA_VALIDATION_FAILED", "A choice rule needs Variable and one comparison operator, or And,"
                    + " Or or Not", pointer);
            return null;
        }
        pathText(variable.textValue(), pointer + "/Variable");
        ComparisonOperator operator = null;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (field.equals("Variable") || extraFields.contains(field)) {
                continue;
            }
            ComparisonOperator candidate = ComparisonOperator.fromAwsName(field);
            if (candidate == null) {
                problem("SCHEMA_VALIDATION_FAILED", "The field '" + field + "' is not supported in a choice rule",
                        pointer + "/" + field);
            } else if (operator != null) {
                problem("SCHEMA_VALIDATION_FAILED", "A choice rule must have exactly one comparison operator",
                        pointer + "/" + field);
            } else {
                operator = candidate;
            }
        }
        if (operator == null) {
            problem("SCHEMA_VALIDATION_FAILED", "A choice rule with Variable needs a comparison operator", pointer);
            return null;
        }
        JsonNode operand = node.get(operator.name());
        String operandPointer = pointer + "/" + operator.name();
        if (operator.isPath()) {
            if (!operand.isTextual()) {
                problem("SCHEMA_VALIDATION_FAILED", operator + " must be a path string", operandPointer);
            } else {
                pathText(operand.textValue(), operandPointer);
            }
        } else {
            boolean ok = switch (operator.family()) {
                case "String", "StringMatches" -> operand.isTextual();
                case "Numeric" -> operand.isNumber();
                case "Boolean" -> operand.isBoolean();
                case "Timestamp" -> operand.isTextual() && Timestamps.parse(operand.textValue()).isPresent();
                default -> operand.isBoolean();
            };
            if (!ok) {
                problem("SCHEMA_VALIDATION_FAILED", operator + " has an operand of the wrong type: "
                        + JsonValues.print(operand), operandPointer);
            }
        }
        return new Condition.Comparison(variable.textValue(), operator, operand);
    }

    private Condition nestedCondition(JsonNode node, String pointer) {
        if (node.has("Next")) {
            problem("SCHEMA_VALIDATION_FAILED", "Nested choice rules cannot have Next", pointer + "/Next");
        }
        return condition(node, pointer, Set.of("Comment"));
    }

    private static Set<String> union(Set<String> base, String extra) {
        Set<String> all = new HashSet<>(base);
        all.add(extra);
        return all;
    }

    private void allowOnly(JsonNode node, Set<String> allowed, String pointer) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!allowed.contains(field)) {
                problem("SCHEMA_VALIDATION_FAILED", "The field '" + field + "' is not supported here",
                        pointer + "/" + field);
            }
        }
    }

    private WaitState waitState(CommonFields common, JsonNode node, String pointer) {
        DynamicValue seconds = seconds(node, "Seconds", common, pointer, true);
        DynamicValue timestamp = null;
        if (node.has("Timestamp")) {
            JsonNode value = node.get("Timestamp");
            if (common.isJsonata() && JsonataSupport.isExpression(value)) {
                jsonataExpression(value.textValue(), pointer + "/Timestamp");
                timestamp = DynamicValue.ofJsonata(value.textValue());
            } else if (!value.isTextual() || Timestamps.parse(value.textValue()).isEmpty()) {
                problem("SCHEMA_VALIDATION_FAILED", "Timestamp must be an RFC 3339 timestamp such as"
                        + " 2016-03-14T01:59:00Z", pointer + "/Timestamp");
            } else {
                timestamp = DynamicValue.ofLiteral(value);
            }
        }
        if (node.has("TimestampPath")) {
            String path = text(node.get("TimestampPath"), pointer + "/TimestampPath");
            if (path != null && pathText(path, pointer + "/TimestampPath")) {
                timestamp = timestamp == null ? DynamicValue.ofPath(path) : timestamp;
            }
            if (node.has("Timestamp")) {
                problem("SCHEMA_VALIDATION_FAILED", "Timestamp and TimestampPath are mutually exclusive", pointer);
            }
        }
        int given = (node.has("Seconds") ? 1 : 0) + (node.has("SecondsPath") ? 1 : 0) + (node.has("Timestamp") ? 1 : 0)
                + (node.has("TimestampPath") ? 1 : 0);
        if (given != 1) {
            problem("SCHEMA_VALIDATION_FAILED", "A Wait state needs exactly one of Seconds, Timestamp, SecondsPath"
                    + " and TimestampPath", pointer);
            return null;
        }
        if (seconds == null && timestamp == null) {
            return null;
        }
        return new WaitState(common, seconds, timestamp);
    }

    private FailState fail(CommonFields common, JsonNode node, String pointer) {
        DynamicValue error = failField(node, "Error", common, pointer);
        DynamicValue cause = failField(node, "Cause", common, pointer);
        return new FailState(common, error, cause);
    }

    private DynamicValue failField(JsonNode node, String field, CommonFields common, String pointer) {
        JsonNode literal = node.get(field);
        JsonNode path = node.get(field + "Path");
        if (literal != null && path != null) {
            problem("SCHEMA_VALIDATION_FAILED", field + " and " + field + "Path are mutually exclusive", pointer);
            return null;
        }
        if (literal != null) {
            if (!literal.isTextual()) {
                problem("SCHEMA_VALIDATION_FAILED", field + " must be a string", pointer + "/" + field);
                return null;
            }
            if (common.isJsonata() && JsonataSupport.isExpression(literal)) {
                jsonataExpression(literal.textValue(), pointer + "/" + field);
                return DynamicValue.ofJsonata(literal.textValue());
            }
            return DynamicValue.ofLiteral(literal);
        }
        if (path != null) {
            String text = text(path, pointer + "/" + field + "Path");
            if (text == null) {
                return null;
            }
            if (Intrinsics.isCall(text)) {
                try {
                    return DynamicValue.ofCall(Intrinsics.parse(text));
                } catch (IllegalArgumentException e) {
                    problem("SCHEMA_VALIDATION_FAILED", e.getMessage(), pointer + "/" + field + "Path");
                    return null;
                }
            }
            return pathText(text, pointer + "/" + field + "Path") ? DynamicValue.ofPath(text) : null;
        }
        return null;
    }

    private ParallelState parallel(CommonFields common, JsonNode node, String pointer, QueryLanguage machineLanguage,
                                   Scope scope) {
        JsonNode branchesNode = node.get("Branches");
        List<Workflow> branches = new ArrayList<>();
        if (branchesNode == null || !branchesNode.isArray() || branchesNode.isEmpty()) {
            problem("SCHEMA_VALIDATION_FAILED", "Branches is required and must be a non-empty array",
                    pointer + "/Branches");
        } else {
            for (int i = 0; i < branchesNode.size(); i++) {
                JsonNode branch = branchesNode.get(i);
                String branchPointer = pointer + "/Branches[" + i + "]";
                if (!branch.isObject()) {
                    problem("SCHEMA_VALIDATION_FAILED", "A branch must be a JSON object", branchPointer);
                    continue;
                }
                unknownFields(branch, BRANCH, branchPointer);
                Workflow workflow = workflow(branch, branchPointer, machineLanguage, machineLanguage,
                        new Scope(scope));
                if (workflow != null) {
                    branches.add(workflow);
                }
            }
        }
        List<Retrier> retry = retry(node.get("Retry"), pointer + "/Retry");
        List<Catcher> catchers = catchers(node.get("Catch"), pointer + "/Catch", common.queryLanguage(), scope);
        if (common.isJsonata()) {
            return new ParallelState(common, branches, null, jsonataTemplate(node.get("Arguments"),
                    pointer + "/Arguments"), null, "$", retry, catchers);
        }
        return new ParallelState(common, branches, payloadTemplate(node.get("Parameters"), pointer + "/Parameters"),
                null, payloadTemplate(node.get("ResultSelector"), pointer + "/ResultSelector"),
                resultPath(node, pointer), retry, catchers);
    }

    private MapState map(CommonFields common, JsonNode node, String pointer, QueryLanguage machineLanguage,
                         Scope scope) {
        JsonNode processorNode = node.get("ItemProcessor");
        String processorField = "ItemProcessor";
        if (processorNode == null) {
            processorNode = node.get("Iterator");
            processorField = "Iterator";
        } else if (node.has("Iterator")) {
            problem("SCHEMA_VALIDATION_FAILED", "ItemProcessor and Iterator are mutually exclusive", pointer);
        }
        Workflow processor = null;
        String processorPointer = pointer + "/" + processorField;
        if (processorNode == null || !processorNode.isObject()) {
            problem("SCHEMA_VALIDATION_FAILED", "A Map state needs an ItemProcessor object", processorPointer);
        } else {
            unknownFields(processorNode, PROCESSOR, processorPointer);
            JsonNode config = processorNode.get("ProcessorConfig");
            if (config != null) {
                JsonNode mode = config.get("Mode");
                if (mode != null && "DISTRIBUTED".equals(mode.asText())) {
                    problem("UNSUPPORTED_FEATURE", "Distributed Map (ProcessorConfig.Mode DISTRIBUTED) is not"
                            + " implemented by this engine; use INLINE", processorPointer + "/ProcessorConfig/Mode");
                } else if (mode != null && !"INLINE".equals(mode.asText())) {
                    problem("SCHEMA_VALIDATION_FAILED", "ProcessorConfig.Mode must be INLINE or DISTRIBUTED",
                            processorPointer + "/ProcessorConfig/Mode");
                }
            }
            processor = workflow(processorNode, processorPointer, machineLanguage, machineLanguage,
                    new Scope(scope));
        }
        DynamicValue maxConcurrency = null;
        if (node.has("MaxConcurrency") && node.has("MaxConcurrencyPath")) {
            problem("SCHEMA_VALIDATION_FAILED", "MaxConcurrency and MaxConcurrencyPath are mutually exclusive", pointer);
        } else if (node.has("MaxConcurrency")) {
            JsonNode value = node.get("MaxConcurrency");
            if (common.isJsonata() && JsonataSupport.isExpression(value)) {
                jsonataExpression(value.textValue(), pointer + "/MaxConcurrency");
                maxConcurrency = DynamicValue.ofJsonata(value.textValue());
            } else if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
                problem("SCHEMA_VALIDATION_FAILED", "MaxConcurrency must be a non-negative integer",
                        pointer + "/MaxConcurrency");
            } else {
                maxConcurrency = DynamicValue.ofLiteral(value);
            }
        } else if (node.has("MaxConcurrencyPath")) {
            String path = text(node.get("MaxConcurrencyPath"), pointer + "/MaxConcurrencyPath");
            if (path != null && pathText(path, pointer + "/MaxConcurrencyPath")) {
                maxConcurrency = DynamicValue.ofPath(path);
            }
        }
        List<Retrier> retry = retry(node.get("Retry"), pointer + "/Retry");
        List<Catcher> catchers = catchers(node.get("Catch"), pointer + "/Catch", common.queryLanguage(), scope);
        if (node.has("Label")) {
            text(node.get("Label"), pointer + "/Label");
        }
        if (processor == null) {
            return null;
        }
        if (common.isJsonata()) {
            JsonataTemplate items = null;
            JsonNode itemsNode = node.get("Items");
            if (itemsNode != null) {
                if (!itemsNode.isArray() && !JsonataSupport.isExpression(itemsNode)) {
                    problem("SCHEMA_VALIDATION_FAILED", "Items must be a JSON array or a JSONata expression",
                            pointer + "/Items");
                }
                items = jsonataTemplate(itemsNode, pointer + "/Items");
            }
            return new MapState(common, "$", items, null, jsonataTemplate(node.get("ItemSelector"),
                    pointer + "/ItemSelector"), processor, maxConcurrency, null, "$", retry, catchers);
        }
        if (node.has("ItemSelector") && node.has("Parameters")) {
            problem("SCHEMA_VALIDATION_FAILED", "ItemSelector and Parameters are mutually exclusive", pointer);
        }
        String selectorField = node.has("ItemSelector") ? "ItemSelector" : "Parameters";
        PayloadTemplate itemSelector = payloadTemplate(node.get(selectorField), pointer + "/" + selectorField);
        String itemsPath = path(node, "ItemsPath", pointer);
        if (itemsPath == null) {
            problem("SCHEMA_VALIDATION_FAILED", "ItemsPath cannot be null", pointer + "/ItemsPath");
        }
        return new MapState(common, itemsPath == null ? "$" : itemsPath, null, itemSelector, null, processor,
                maxConcurrency, payloadTemplate(node.get("ResultSelector"), pointer + "/ResultSelector"),
                resultPath(node, pointer), retry, catchers);
    }

    private List<Retrier> retry(JsonNode node, String pointer) {
        List<Retrier> retriers = new ArrayList<>();
        if (node == null) {
            return retriers;
        }
        if (!node.isArray()) {
            problem("SCHEMA_VALIDATION_FAILED", "Retry must be an array", pointer);
            return retriers;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode retrier = node.get(i);
            String retrierPointer = pointer + "[" + i + "]";
            if (!retrier.isObject()) {
                problem("SCHEMA_VALIDATION_FAILED", "A retrier must be a JSON object", retrierPointer);
                continue;
            }
            allowOnly(retrier, Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
                    "MaxDelaySeconds", "JitterStrategy", "Comment"), retrierPointer);
            List<String> errors = errorEquals(retrier, retrierPointer, i == node.size() - 1, "retrier");
            Integer interval = retrier.has("IntervalSeconds")
                    ? positiveInteger(retrier.get("IntervalSeconds"), retrierPointer + "/IntervalSeconds") : (Integer) 1;
            Integer maxAttempts = 3;
            if (retrier.has("MaxAttempts")) {
                JsonNode value = retrier.get("MaxAttempts");
                if (!value.isIntegralNumber() || value.longValue() < 0 || value.longValue() > MAX_SECONDS) {
                    problem("SCHEMA_VALIDATION_FAILED", "MaxAttempts must be an integer from 0 to " + MAX_SECONDS,
                            retrierPointer + "/MaxAttempts");
                    maxAttempts = null;
                } else {
                    maxAttempts = value.intValue();
                }
            }
            double backoff = 2.0;
            if (retrier.has("BackoffRate")) {
                JsonNode value = retrier.get("BackoffRate");
                if (!value.isNumber() || value.doubleValue() < 1.0) {
                    problem("SCHEMA_VALIDATION_FAILED", "BackoffRate must be a number of at least 1.0",
                            retrierPointer + "/BackoffRate");
                } else {
                    backoff = value.doubleValue();
                }
            }
            Integer maxDelay = retrier.has("MaxDelaySeconds")
                    ? positiveInteger(retrier.get("MaxDelaySeconds"), retrierPointer + "/MaxDelaySeconds") : null;
            Retrier.JitterStrategy jitter = Retrier.JitterStrategy.NONE;
            if (retrier.has("JitterStrategy")) {
                String value = retrier.get("JitterStrategy").asText("");
                if (value.equals("FULL")) {
                    jitter = Retrier.JitterStrategy.FULL;
                } else if (!value.equals("NONE")) {
                    problem("SCHEMA_VALIDATION_FAILED", "JitterStrategy must be FULL or NONE",
                            retrierPointer + "/JitterStrategy");
                }
            }
            if (errors != null && interval != null && maxAttempts != null) {
                retriers.add(new Retrier(errors, interval, maxAttempts, backoff, maxDelay, jitter));
            }
        }
        return retriers;
    }

    private List<Catcher> catchers(JsonNode node, String pointer, QueryLanguage language, Scope scope) {
        List<Catcher> catchers = new ArrayList<>();
        if (node == null) {
            return catchers;
        }
        if (!node.isArray()) {
            problem("SCHEMA_VALIDATION_FAILED", "Catch must be an array", pointer);
            return catchers;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode catcher = node.get(i);
            String catcherPointer = pointer + "[" + i + "]";
            if (!catcher.isObject()) {
                problem("SCHEMA_VALIDATION_FAILED", "A catcher must be a JSON object", catcherPointer);
                continue;
            }
            boolean jsonata = language == QueryLanguage.JSONATA;
            allowOnly(catcher, jsonata ? Set.of("ErrorEquals", "Next", "Output", "Assign", "Comment")
                    : Set.of("ErrorEquals", "Next", "ResultPath", "Assign", "Comment"), catcherPointer);
            List<String> errors = errorEquals(catcher, catcherPointer, i == node.size() - 1, "catcher");
            String next = text(catcher.get("Next"), catcherPointer + "/Next");
            if (next == null) {
                problem("SCHEMA_VALIDATION_FAILED", "A catcher must have Next", catcherPointer);
            }
            String resultPath = jsonata ? "$" : resultPath(catcher, catcherPointer);
            JsonataTemplate output = jsonata ? jsonataTemplate(catcher.get("Output"), catcherPointer + "/Output") : null;
            PayloadTemplate assignPath = null;
            JsonataTemplate assignJsonata = null;
            List<String> assigned = List.of();
            if (catcher.has("Assign")) {
                assigned = assignedNames(catcher.get("Assign"), catcherPointer + "/Assign", scope, language);
                if (jsonata) {
                    assignJsonata = jsonataTemplate(catcher.get("Assign"), catcherPointer + "/Assign");
                } else {
                    assignPath = payloadTemplate(catcher.get("Assign"), catcherPointer + "/Assign");
                }
            }
            if (errors != null && next != null) {
                catchers.add(new Catcher(errors, next, resultPath, output, assignPath, assignJsonata, assigned));
            }
        }
        return catchers;
    }

    private List<String> errorEquals(JsonNode node, String pointer, boolean last, String what) {
        JsonNode errors = node.get("ErrorEquals");
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            problem("SCHEMA_VALIDATION_FAILED", "ErrorEquals must be a non-empty array of strings",
                    pointer + "/ErrorEquals");
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode error : errors) {
            if (!error.isTextual()) {
                problem("SCHEMA_VALIDATION_FAILED", "ErrorEquals must contain only strings", pointer + "/ErrorEquals");
                return null;
            }
            names.add(error.textValue());
        }
        if (names.contains(StatesErrors.ALL)) {
            if (names.size() > 1) {
                problem("SCHEMA_VALIDATION_FAILED", "States.ALL must appear alone in ErrorEquals",
                        pointer + "/ErrorEquals");
            }
            if (!last) {
                problem("SCHEMA_VALIDATION_FAILED", "The " + what + " with States.ALL must be the last one",
                        pointer + "/ErrorEquals");
            }
        }
        return names;
    }

    private DynamicValue seconds(JsonNode node, String field, CommonFields common, String pointer,
                                 boolean zeroAllowed) {
        JsonNode value = node.get(field);
        JsonNode path = node.get(field + "Path");
        if (value != null && path != null) {
            problem("SCHEMA_VALIDATION_FAILED", field + " and " + field + "Path are mutually exclusive", pointer);
            return null;
        }
        if (value != null) {
            if (common.isJsonata() && JsonataSupport.isExpression(value)) {
                jsonataExpression(value.textValue(), pointer + "/" + field);
                return DynamicValue.ofJsonata(value.textValue());
            }
            long min = zeroAllowed ? 0 : 1;
            if (!value.isIntegralNumber() || value.longValue() < min || value.longValue() > MAX_SECONDS) {
                problem("SCHEMA_VALIDATION_FAILED", field + " must be an integer from " + min + " to " + MAX_SECONDS,
                        pointer + "/" + field);
                return null;
            }
            return DynamicValue.ofLiteral(value);
        }
        if (path != null) {
            String text = text(path, pointer + "/" + field + "Path");
            return text != null && pathText(text, pointer + "/" + field + "Path") ? DynamicValue.ofPath(text) : null;
        }
        return null;
    }

    private String path(JsonNode node, String field, String pointer) {
        JsonNode value = node.get(field);
        if (value == null) {
            return "$";
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problem("SCHEMA_VALIDATION_FAILED", field + " must be a path string or null", pointer + "/" + field);
            return "$";
        }
        pathText(value.textValue(), pointer + "/" + field);
        return value.textValue();
    }

    private boolean pathText(String path, String pointer) {
        try {
            JsonPaths.validate(path);
            return true;
        } catch (IllegalArgumentException e) {
            problem("SCHEMA_VALIDATION_FAILED", e.getMessage(), pointer);
            return false;
        }
    }

    private String resultPath(JsonNode node, String pointer) {
        JsonNode value = node.get("ResultPath");
        if (value == null) {
            return "$";
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problem("SCHEMA_VALIDATION_FAILED", "ResultPath must be a path string or null", pointer + "/ResultPath");
            return "$";
        }
        try {
            ResultPaths.validate(value.textValue());
        } catch (IllegalArgumentException e) {
            problem("SCHEMA_VALIDATION_FAILED", e.getMessage(), pointer + "/ResultPath");
            return "$";
        }
        return value.textValue();
    }

    private PayloadTemplate payloadTemplate(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        List<String> found = PayloadTemplate.problems(node);
        for (String problem : found) {
            int space = problem.indexOf(PayloadTemplate.SEPARATOR);
            problem("SCHEMA_VALIDATION_FAILED", problem.substring(space + 1), pointer + problem.substring(0, space));
        }
        if (!found.isEmpty()) {
            return null;
        }
        try {
            return PayloadTemplate.compile(node);
        } catch (IllegalArgumentException e) {
            problem("SCHEMA_VALIDATION_FAILED", e.getMessage(), pointer);
            return null;
        }
    }

    private JsonataTemplate jsonataTemplate(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        try {
            return JsonataTemplate.compile(node);
        } catch (IllegalArgumentException e) {
            problem("SCHEMA_VALIDATION_FAILED", e.getMessage(), pointer);
            return null;
        }
    }

    private void jsonataExpression(String expression, String pointer) {
        try {
            JsonataSupport.validate(expression);
        } catch (IllegalArgumentException e) {
            problem("SCHEMA_VALIDATION_FAILED", e.getMessage(), pointer);
        }
    }

    private Integer positiveInteger(JsonNode value, String pointer) {
        if (!value.isIntegralNumber() || value.longValue() < 1 || value.longValue() > MAX_SECONDS) {
            problem("SCHEMA_VALIDATION_FAILED", "must be an integer from 1 to " + MAX_SECONDS, pointer);
            return null;
        }
        return value.intValue();
    }

    private String text(JsonNode value, String pointer) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem("SCHEMA_VALIDATION_FAILED", "must be a string", pointer);
            return null;
        }
        return value.textValue();
    }

    private void unknownFields(JsonNode node, Set<String> allowed, String pointer) {
        Iterator<String> names = node.fieldNames();
        Set<String> unknown = new LinkedHashSet<>();
        while (names.hasNext()) {
            String field = names.next();
            if (!allowed.contains(field)) {
                unknown.add(field);
            }
        }
        for (String field : unknown) {
            problem("SCHEMA_VALIDATION_FAILED", "The field '" + field + "' is not supported by Step Functions",
                    pointer + "/" + field);
        }
    }

    private void problem(String code, String message, String pointer) {
        problems.add(code + ": " + message + " at " + (pointer.isEmpty() ? "/" : pointer));
    }
}
