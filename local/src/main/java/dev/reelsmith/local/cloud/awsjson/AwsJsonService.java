package dev.reelsmith.local.cloud.awsjson;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One AWS service spoken over the AWS JSON protocol (1.0 or 1.1): requests are {@code POST /} with the operation in
 * the {@code X-Amz-Target} header ({@code <targetPrefix>.<Operation>}) and a JSON body; served by
 * {@link AwsJsonServer}.
 */
public interface AwsJsonService {

    /** The {@code X-Amz-Target} prefix, e.g. {@code AWSStepFunctions}, {@code AmazonSQS}, {@code AWSEvents}. */
    String targetPrefix();

    /** {@code 1.0} or {@code 1.1}: the content type is {@code application/x-amz-json-<version>}. */
    String jsonVersion();

    /**
     * The namespace AWS puts before error codes in {@code __type} ({@code namespace#Code}); clients read only what
     * follows the {@code #}.
     */
    String errorNamespace();

    /**
     * Performs one operation.
     *
     * @param operation the operation name from {@code X-Amz-Target}, e.g. {@code StartExecution}
     * @param request the request body ({@code {}} when empty)
     * @return the response body
     * @throws AwsServiceException for every error the service reports to its caller
     */
    ObjectNode handle(String operation, ObjectNode request);
}
