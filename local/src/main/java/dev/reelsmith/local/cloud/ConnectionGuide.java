package dev.reelsmith.local.cloud;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code reelsmith serve} prints once the local cloud runs: where each service listens, the environment to
 * export so the AWS SDKs and CLI use it, and AWS CLI commands to paste.
 *
 * @param dataDirectory where state persists, or {@code null} when everything is in memory
 * @param inboxBucket the bucket the inbox watcher polls
 */
public record ConnectionGuide(LocalCloud.Endpoints endpoints, Map<String, String> environment, String region,
                              String accountId, Path dataDirectory, String inboxBucket) {
    public ConnectionGuide {
        Objects.requireNonNull(endpoints, "endpoints");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(inboxBucket, "inboxBucket");
    }

    /** The guide for a running local cloud. */
    public static ConnectionGuide of(LocalCloud cloud, String inboxBucket) {
        return new ConnectionGuide(cloud.endpoints(), cloud.environment(), cloud.region(), cloud.accountId(),
                cloud.dataDirectory().orElse(null), inboxBucket);
    }

    /** The text to print, ending with a newline. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Reelsmith local cloud on 127.0.0.1 (")
                .append(dataDirectory == null ? "in memory: nothing is kept" : "data in " + dataDirectory)
                .append("). Ctrl-C stops it.\n\n");
        endpoint(out, "S3", endpoints.s3().toString(), "S3Mock");
        endpoint(out, "DynamoDB", endpoints.dynamoDb().toString(), "DynamoDB Local");
        endpoint(out, "Step Functions", endpoints.stepFunctions().toString(), "Reelsmith ASL engine");
        endpoint(out, "SQS", endpoints.sqs().toString(), "");
        endpoint(out, "EventBridge", endpoints.eventBridge().toString(), "");
        out.append("\nPoint the AWS SDKs and the AWS CLI at it (POSIX shell):\n\n");
        for (String name : new String[] {"AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_SFN",
                "AWS_ENDPOINT_URL_SQS", "AWS_ENDPOINT_URL_EVENTBRIDGE", "AWS_REGION", "AWS_DEFAULT_REGION",
                "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}) {
            String value = environment.get(name);
            if (value != null) {
                out.append("  export ").append(name).append('=').append(value).append('\n');
            }
        }
        String machineArn = "arn:aws:states:" + region + ":" + accountId + ":stateMachine:NAME";
        out.append("\nThen, for example:\n\n")
                .append("  aws s3 cp brief.json s3://").append(inboxBucket).append("/briefs/brief.json\n")
                .append("  aws s3 ls s3://").append(inboxBucket).append(" --recursive\n")
                .append("  aws dynamodb list-tables\n")
                .append("  aws stepfunctions list-state-machines\n")
                .append("  aws stepfunctions list-executions --state-machine-arn ").append(machineArn).append('\n')
                .append("  aws stepfunctions get-execution-history --execution-arn EXECUTION_ARN\n")
                // AWS CLI v1 replaces the SQS endpoint in us-east-1 with queue.amazonaws.com unless --endpoint-url
                // is given, ignoring AWS_ENDPOINT_URL_SQS (awscli/customizations/overridesslcommonname.py)
                .append("  aws --endpoint-url ").append(endpoints.sqs()).append(" sqs list-queues\n")
                .append("  aws events put-events --entries "
                        + "'[{\"Source\":\"dev.reelsmith.cli\",\"DetailType\":\"Ping\",\"Detail\":\"{}\"}]'\n")
                .append("\nWithout the exports, name the endpoint on each call (credentials and region still needed):\n\n")
                .append("  aws --endpoint-url ").append(endpoints.s3()).append(" s3 ls\n")
                .append("  aws --endpoint-url ").append(endpoints.stepFunctions())
                .append(" stepfunctions list-state-machines\n")
                .append("\nWatching s3://").append(inboxBucket)
                .append(" : each new or overwritten object becomes an S3 \"Object Created\" event.\n");
        return out.toString();
    }

    private static void endpoint(StringBuilder out, String service, String url, String note) {
        out.append("  ").append(String.format("%-15s", service)).append(url);
        if (!note.isEmpty()) {
            out.append("   (").append(note).append(')');
        }
        out.append('\n');
    }
}
