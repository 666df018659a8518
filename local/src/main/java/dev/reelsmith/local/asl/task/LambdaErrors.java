package dev.reelsmith.local.asl.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How an exception escaping a Java Lambda handler looks to Step Functions, for resources that run handlers
 * in-process. The Java runtime reports the exception's {@link Class#getName() binary class name} as
 * {@code errorType}, which both the {@code lambda:invoke} integration and plain function ARNs use as the error
 * name Retry/Catch match on, and its {@code {"errorMessage","errorType","stackTrace"}} document as the Cause.
 */
public final class LambdaErrors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LambdaErrors() {
    }

    /** The task failure Step Functions records for {@code thrown} escaping a Java handler. */
    public static AslTaskFailure fromHandlerException(Throwable thrown) {
        return new AslTaskFailure(thrown.getClass().getName(), errorDocument(thrown));
    }

    /**
     * The runtime's error document: {@code errorMessage} (the exception's message, or its class name when it has
     * none, as the runtime's {@code LambdaErrorConverter} does), {@code errorType} and {@code stackTrace}.
     */
    public static String errorDocument(Throwable thrown) {
        ObjectNode document = MAPPER.createObjectNode();
        String message = thrown.getLocalizedMessage();
        document.put("errorMessage", message == null ? thrown.getClass().getName() : message);
        document.put("errorType", thrown.getClass().getName());
        ArrayNode stack = document.putArray("stackTrace");
        for (StackTraceElement element : thrown.getStackTrace()) {
            stack.add(element.toString());
        }
        return document.toString();
    }
}
