package dev.reelsmith.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code Context} of one local invocation, with the values the Lambda runtime gives: request id, function name,
 * version and invoked ARN, memory limit, CloudWatch log group and stream names, and the time left until the function
 * timeout. There is no Cognito identity or mobile client context, as for any invocation that is not from a mobile SDK.
 */
final class LocalLambdaContext implements Context {
    private static final DateTimeFormatter STREAM_DATE =
            DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final String requestId;
    private final LambdaFunction function;
    private final String invokedFunctionArn;
    private final String logStreamName;
    private final Instant deadline;
    private final Clock clock;
    private final LambdaLogger logger;

    LocalLambdaContext(String requestId, LambdaFunction function, String invokedFunctionArn, String sandboxId,
                       Instant deadline, Clock clock, LambdaLogger logger) {
        this.requestId = requestId;
        this.function = function;
        this.invokedFunctionArn = invokedFunctionArn;
        this.logStreamName = STREAM_DATE.format(clock.instant()) + "/[$LATEST]" + sandboxId;
        this.deadline = deadline;
        this.clock = clock;
        this.logger = logger;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.name();
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return LambdaFunctions.LATEST;
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedFunctionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long remaining = deadline.toEpochMilli() - clock.millis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
