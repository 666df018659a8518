package dev.reelsmith.local.asl.task.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.definition.StatesErrors;
import dev.reelsmith.local.asl.task.AslTaskFailure;
import dev.reelsmith.local.asl.task.TaskInvocation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What every optimised integration shares: checking the parameters against those Step Functions supports for the
 * API, the result shape (the API's response members plus {@code SdkHttpMetadata} and {@code SdkResponseMetadata},
 * keys in alphabetical order, as Step Functions' Java SDK reports them) and the error names and causes
 * ({@code DynamoDB.ConditionalCheckFailedException},
 * {@code "<message> (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ...; Request ID: ...; Proxy: null)"}).
 */
final class ServiceCalls {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private ServiceCalls() {
    }

    /** The task's parameters, which must be an object holding only {@code supported} fields. */
    static ObjectNode parameters(TaskInvocation invocation, Set<String> supported) {
        JsonNode input = invocation.input();
        if (!input.isObject()) {
            throw new AslTaskFailure(StatesErrors.RUNTIME, "The parameters of '" + invocation.resource().arn()
                    + "' must be an object, was " + input.getNodeType());
        }
        Iterator<String> names = input.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!supported.contains(name)) {
                throw new AslTaskFailure(StatesErrors.RUNTIME, "The field '" + name + "' is not supported by Step"
                        + " Functions for '" + invocation.resource().arn() + "'; supported: "
                        + new java.util.TreeSet<>(supported));
            }
        }
        return (ObjectNode) input;
    }

    /** The text of a required string parameter. */
    static String requiredText(ObjectNode parameters, String name) {
        JsonNode value = parameters.get(name);
        if (value == null || value.isNull()) {
            throw new AslTaskFailure(StatesErrors.RUNTIME, "The field '" + name + "' is required");
        }
        if (!value.isTextual()) {
            throw new AslTaskFailure(StatesErrors.RUNTIME, "The value for the field '" + name + "' must be a STRING");
        }
        return value.textValue();
    }

    /** The text of an optional string parameter, or null. */
    static String optionalText(ObjectNode parameters, String name) {
        JsonNode value = parameters.get(name);
        return value == null || value.isNull() ? null : requiredText(parameters, name);
    }

    /** Builds an SDK request from the parameters; a shape mismatch fails the task with {@code States.Runtime}. */
    static <B extends SdkPojo> B request(B builder, ObjectNode parameters) {
        try {
            SdkJson.fill(builder, parameters, "");
            return builder;
        } catch (SdkJson.ShapeException | ArithmeticException e) {
            throw new AslTaskFailure(StatesErrors.RUNTIME, e.getMessage());
        }
    }

    /** The result Step Functions returns for an SDK response: its members plus the HTTP and response metadata. */
    static ObjectNode result(AwsResponse response) {
        ObjectNode result = SdkJson.toJson(response);
        result.set("SdkHttpMetadata", httpMetadata(response.sdkHttpResponse().headers(),
                response.sdkHttpResponse().statusCode()));
        result.set("SdkResponseMetadata", responseMetadata(response.responseMetadata().requestId()));
        return sorted(result);
    }

    /** {@code {"AllHttpHeaders": {name: [values]}, "HttpHeaders": {name: value}, "HttpStatusCode": n}}. */
    static ObjectNode httpMetadata(Map<String, List<String>> headers, int statusCode) {
        Map<String, List<String>> ordered = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ordered.putAll(headers);
        ObjectNode metadata = NODES.objectNode();
        ObjectNode all = metadata.putObject("AllHttpHeaders");
        ObjectNode single = metadata.putObject("HttpHeaders");
        ordered.forEach((name, values) -> {
            ArrayNode list = all.putArray(name);
            values.forEach(list::add);
            if (!values.isEmpty()) {
                single.put(name, values.get(values.size() - 1));
            }
        });
        metadata.put("HttpStatusCode", statusCode);
        return metadata;
    }

    static ObjectNode responseMetadata(String requestId) {
        ObjectNode metadata = NODES.objectNode();
        metadata.put("RequestId", requestId);
        return metadata;
    }

    /** The headers of a JSON response made here rather than received (Lambda in-process, Step Functions itself). */
    static Map<String, List<String>> headers(String contentType, int contentLength, String requestId,
                                             Map<String, String> extra) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Connection", List.of("keep-alive"));
        headers.put("Content-Length", List.of(Integer.toString(contentLength)));
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        headers.put("Date", List.of(HTTP_DATE.format(Instant.now())));
        headers.put("x-amzn-RequestId", List.of(requestId));
        extra.forEach((name, value) -> headers.put(name, List.of(value)));
        return headers;
    }

    /** A copy of {@code object} with its keys in alphabetical order. */
    static ObjectNode sorted(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        ObjectNode sorted = NODES.objectNode();
        names.forEach(name -> sorted.set(name, object.get(name)));
        return sorted;
    }

    /**
     * The task failure for a service error: named {@code <prefix>.<exception>} after the service's modelled exception
     * ({@code DynamoDB.ConditionalCheckFailedException}), or {@code <prefix>.<genericName>} for errors the SDK does
     * not model ({@code DynamoDB.AmazonDynamoDBException} for a ValidationException), as Step Functions names them.
     */
    static AslTaskFailure serviceFailure(String prefix, String serviceName, Class<? extends AwsServiceException> base,
                                         String genericName, AwsServiceException error) {
        String exception = error.getClass() == base ? genericName : error.getClass().getSimpleName();
        String code = error.awsErrorDetails() == null ? exception : error.awsErrorDetails().errorCode();
        String message = error.awsErrorDetails() == null || error.awsErrorDetails().errorMessage() == null
                ? error.getMessage() : error.awsErrorDetails().errorMessage();
        return new AslTaskFailure(prefix + "." + exception,
                cause(message, serviceName, error.statusCode(), code, error.requestId()));
    }

    /** A failure to reach the service at all: {@code <prefix>.SdkClientException}. */
    static AslTaskFailure clientFailure(String prefix, SdkClientException error) {
        return new AslTaskFailure(prefix + ".SdkClientException", error.getMessage());
    }

    /** The cause text of a service error, in the format of the AWS SDK for Java that Step Functions runs. */
    static String cause(String message, String serviceName, int statusCode, String errorCode, String requestId) {
        return message + " (Service: " + serviceName + "; Status Code: " + statusCode + "; Error Code: " + errorCode
                + "; Request ID: " + (requestId == null ? UUID.randomUUID() : requestId) + "; Proxy: null)";
    }

    static JsonNodeFactory nodes() {
        return NODES;
    }
}
