package dev.reelsmith.local.asl.task;

import java.util.Objects;

/**
 * A Task state's {@code Resource}, taken apart the way Step Functions reads it: an optimised or AWS SDK service
 * integration ({@code arn:aws:states:::lambda:invoke.waitForTaskToken}), a Lambda function ARN, or an activity
 * ARN. {@link #resourceType()} and {@link #resource()} are the two halves AWS shows in {@code TaskScheduled}
 * events ({@code "lambda"} and {@code "invoke.waitForTaskToken"}).
 *
 * @param arn the resource exactly as written in the definition
 * @param kind which family of resource it is
 * @param service for integrations: {@code lambda}, {@code sqs}, {@code aws-sdk:dynamodb}, ...; for functions: {@code lambda}
 * @param action for integrations: the API action ({@code invoke}, {@code sendMessage}); for functions: the function name
 * @param pattern the integration pattern selected by the suffix
 * @param region the region in the ARN, empty when omitted
 */
public record ResourceArn(String arn, Kind kind, String service, String action, Pattern pattern, String region) {

    /** The family of a Task resource. */
    public enum Kind { SERVICE_INTEGRATION, LAMBDA_FUNCTION, ACTIVITY }

    /** The service integration pattern, chosen by the ARN suffix. */
    public enum Pattern {
        REQUEST_RESPONSE(""), RUN_JOB(".sync"), RUN_JOB_V2(".sync:2"), WAIT_FOR_TASK_TOKEN(".waitForTaskToken");

        private final String suffix;

        Pattern(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }

    public ResourceArn {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(region, "region");
    }

    /**
     * Parses a Task {@code Resource}.
     *
     * @throws IllegalArgumentException naming the resource when it is not a Step Functions resource ARN
     */
    public static ResourceArn parse(String arn) {
        if (arn == null) {
            throw new IllegalArgumentException("resource must not be null");
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || parts[1].isEmpty()) {
            throw new IllegalArgumentException("resource is not an ARN, was '" + arn + "'");
        }
        String service = parts[2];
        String region = parts[3];
        String rest = parts[5];
        if (service.equals("lambda")) {
            if (!rest.startsWith("function:") || rest.length() == "function:".length()) {
                throw new IllegalArgumentException("Lambda resource must be a function ARN, was '" + arn + "'");
            }
            String function = rest.substring("function:".length());
            return new ResourceArn(arn, Kind.LAMBDA_FUNCTION, "lambda", function, Pattern.REQUEST_RESPONSE, region);
        }
        if (!service.equals("states")) {
            throw new IllegalArgumentException("resource must be a states or lambda ARN, was '" + arn + "'");
        }
        if (rest.startsWith("activity:")) {
            return new ResourceArn(arn, Kind.ACTIVITY, "activity", rest.substring("activity:".length()),
                    Pattern.REQUEST_RESPONSE, region);
        }
        if (!parts[4].isEmpty()) {
            throw new IllegalArgumentException("service integration ARN must have an empty account, was '" + arn + "'");
        }
        Pattern pattern = Pattern.REQUEST_RESPONSE;
        for (Pattern candidate : new Pattern[] {Pattern.RUN_JOB_V2, Pattern.RUN_JOB, Pattern.WAIT_FOR_TASK_TOKEN}) {
            if (rest.endsWith(candidate.suffix())) {
                pattern = candidate;
                rest = rest.substring(0, rest.length() - candidate.suffix().length());
                break;
            }
        }
        int lastColon = rest.lastIndexOf(':');
        if (lastColon <= 0 || lastColon == rest.length() - 1) {
            throw new IllegalArgumentException("service integration ARN must end in <service>:<action>, was '" + arn + "'");
        }
        return new ResourceArn(arn, Kind.SERVICE_INTEGRATION, rest.substring(0, lastColon),
                rest.substring(lastColon + 1), pattern, region);
    }

    /** The ARN without its integration-pattern suffix: what a {@link TaskResource} is registered under. */
    public String baseArn() {
        return pattern == Pattern.REQUEST_RESPONSE ? arn : arn.substring(0, arn.length() - pattern.suffix().length());
    }

    /** {@code resourceType} of the TaskScheduled/TaskStarted/... history events. */
    public String resourceType() {
        return service;
    }

    /** {@code resource} of the TaskScheduled/TaskStarted/... history events. */
    public String resource() {
        return action + pattern.suffix();
    }
}
