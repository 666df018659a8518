package dev.reelsmith.local.asl.task.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.task.AslTaskFailure;
import dev.reelsmith.local.asl.task.TaskInvocation;
import dev.reelsmith.local.asl.task.TaskResource;
import dev.reelsmith.local.lambda.InvocationResult;
import dev.reelsmith.local.lambda.InvocationType;
import dev.reelsmith.local.lambda.LambdaFunctions;
import dev.reelsmith.local.lambda.LambdaServiceException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Lambda as a Task resource, both ways a definition can call it:
 *
 * <ul>
 *   <li>{@code arn:aws:states:::lambda:invoke} (and {@code .waitForTaskToken}): the optimised integration. Parameters
 *   {@code FunctionName}, {@code Payload}, {@code InvocationType}, {@code Qualifier}, {@code ClientContext},
 *   {@code LogType}; the result is Invoke's response as Step Functions returns it,
 *   {@code {ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata, StatusCode}} with the payload parsed when
 *   it is JSON and kept as a string otherwise.</li>
 *   <li>a function ARN as the {@code Resource}: the state's input is the event and the function's output is the
 *   result.</li>
 * </ul>
 *
 * <p>Either way a function error fails the task with the error named by the runtime's {@code errorType} (a Java
 * handler's exception class) and the error document as the cause, and a Lambda service error (the function does not
 * exist) with {@code Lambda.<ErrorCode>}, e.g. {@code Lambda.ResourceNotFoundException}.
 */
final class LambdaTasks {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> INVOKE_PARAMETERS =
            Set.of("ClientContext", "FunctionName", "InvocationType", "LogType", "Payload", "Qualifier");
    private static final SecureRandom TRACE_IDS = new SecureRandom();

    private final LambdaFunctions functions;

    LambdaTasks(LambdaFunctions functions) {
        this.functions = Objects.requireNonNull(functions, "functions");
    }

    /** {@code arn:aws:states:::lambda:invoke}. */
    TaskResource invoke() {
        return this::invoke;
    }

    /** A Lambda function ARN as the Resource. */
    TaskResource function() {
        return this::function;
    }

    private JsonNode invoke(TaskInvocation invocation) throws InterruptedException {
        ObjectNode parameters = ServiceCalls.parameters(invocation, INVOKE_PARAMETERS);
        String functionName = ServiceCalls.requiredText(parameters, "FunctionName");
        String qualifier = ServiceCalls.optionalText(parameters, "Qualifier");
        String typeName = ServiceCalls.optionalText(parameters, "InvocationType");
        byte[] payload = payload(parameters.get("Payload"));
        InvocationResult result;
        try {
            InvocationType type = InvocationType.fromApiName(typeName == null ? "RequestResponse" : typeName);
            result = functions.invoke(functionName, qualifier, type, payload);
        } catch (LambdaServiceException e) {
            throw serviceFailure(e);
        }
        if (result.functionError().isPresent()) {
            throw functionFailure(result);
        }
        return invokeResult(result);
    }

    private JsonNode function(TaskInvocation invocation) throws InterruptedException {
        byte[] payload = invocation.input().toString().getBytes(StandardCharsets.UTF_8);
        InvocationResult result;
        try {
            result = functions.invoke(invocation.resource().arn(), null, InvocationType.REQUEST_RESPONSE, payload);
        } catch (LambdaServiceException e) {
            throw serviceFailure(e);
        }
        if (result.functionError().isPresent()) {
            throw functionFailure(result);
        }
        return parsedOrText(result.payload());
    }

    /**
     * The bytes Step Functions sends as the event: JSON as given, a string that holds JSON as that JSON, any other
     * string as a JSON string, and {@code {}} when there is no payload.
     */
    static byte[] payload(JsonNode payload) {
        if (payload == null || payload.isNull() || payload.isMissingNode()) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        if (payload.isTextual()) {
            try {
                MAPPER.readTree(payload.textValue());
                return payload.textValue().getBytes(StandardCharsets.UTF_8);
            } catch (java.io.IOException notJson) {
                return payload.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
        return payload.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parsedOrText(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        try {
            JsonNode parsed = MAPPER.readTree(text);
            return parsed == null || parsed.isMissingNode() ? ServiceCalls.nodes().textNode(text) : parsed;
        } catch (java.io.IOException notJson) {
            return ServiceCalls.nodes().textNode(text);
        }
    }

    private static ObjectNode invokeResult(InvocationResult result) {
        byte[] payload = result.payload();
        ObjectNode body = ServiceCalls.nodes().objectNode();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("X-Amzn-Trace-Id", traceId());
        if (result.statusCode() == 200) {
            body.put("ExecutedVersion", result.executedVersion());
            extra.put("X-Amz-Executed-Version", result.executedVersion());
            extra.put("x-amzn-Remapped-Content-Length", "0");
        }
        body.set("Payload", parsedOrText(payload));
        body.set("SdkHttpMetadata", ServiceCalls.httpMetadata(ServiceCalls.headers(
                result.statusCode() == 200 ? "application/json" : null, payload.length, result.requestId(), extra),
                result.statusCode()));
        body.set("SdkResponseMetadata", ServiceCalls.responseMetadata(result.requestId()));
        body.put("StatusCode", result.statusCode());
        return ServiceCalls.sorted(body);
    }

    private static String traceId() {
        byte[] random = new byte[12];
        TRACE_IDS.nextBytes(random);
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + HexFormat.of().formatHex(random)
                + ";Sampled=0";
    }

    /** The runtime's error document names the error; without an {@code errorType} it is {@code Lambda.Unknown}. */
    private static AslTaskFailure functionFailure(InvocationResult result) {
        String document = result.payloadText();
        String errorType = null;
        try {
            JsonNode parsed = MAPPER.readTree(document);
            if (parsed != null && parsed.path("errorType").isTextual()) {
                errorType = parsed.get("errorType").textValue();
            }
        } catch (java.io.IOException notJson) {
            // a payload that is not an error document: the error stays unnamed
        }
        return new AslTaskFailure(errorType == null || errorType.isBlank() ? "Lambda.Unknown" : errorType, document);
    }

    private static AslTaskFailure serviceFailure(LambdaServiceException e) {
        return new AslTaskFailure("Lambda." + e.errorCode(), ServiceCalls.cause(e.getMessage(), "AWSLambda",
                e.statusCode(), e.errorCode(), UUID.randomUUID().toString()));
    }
}
