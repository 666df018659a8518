package dev.reelsmith.local.lambda;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Lambda's {@code InvocationType}: wait for the response, queue the event, or only validate the request. */
public enum InvocationType {
    REQUEST_RESPONSE("RequestResponse", 200),
    EVENT("Event", 202),
    DRY_RUN("DryRun", 204);

    private final String apiName;
    private final int statusCode;

    InvocationType(String apiName, int statusCode) {
        this.apiName = apiName;
        this.statusCode = statusCode;
    }

    /** The name the Invoke API uses, e.g. {@code RequestResponse}. */
    public String apiName() {
        return apiName;
    }

    /** The HTTP status a successful Invoke of this type answers with. */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The invocation type named {@code apiName}.
     *
     * @throws LambdaServiceException ({@code ValidationException}) naming the allowed values otherwise
     */
    public static InvocationType fromApiName(String apiName) {
        for (InvocationType type : values()) {
            if (type.apiName.equals(apiName)) {
                return type;
            }
        }
        throw new LambdaServiceException("ValidationException", 400, "1 validation error detected: Value '" + apiName
                + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: ["
                + Arrays.stream(values()).map(InvocationType::apiName).collect(Collectors.joining(", ")) + "]");
    }
}
