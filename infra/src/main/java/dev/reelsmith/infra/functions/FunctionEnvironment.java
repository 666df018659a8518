package dev.reelsmith.infra.functions;

import dev.reelsmith.infra.config.InfraConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment every function gets (the pipeline contract's variables, read once by {@code StepConfig}),
 * plus the Powertools settings. Secrets are never here: only the prefix their names share.
 */
public final class FunctionEnvironment {
    /** Where the state machine's ARN goes, for the functions that start executions (INBOX, API). */
    public static final String STATE_MACHINE_ARN = "REELSMITH_STATE_MACHINE_ARN";
    /** The MediaConvert role Compose passes with long-render jobs. */
    public static final String MEDIACONVERT_ROLE_ARN = "REELSMITH_MEDIACONVERT_ROLE_ARN";
    /** The MediaConvert job template Compose submits long renders with. */
    public static final String MEDIACONVERT_TEMPLATE = "REELSMITH_MEDIACONVERT_TEMPLATE";

    /** JVM options of functions that do little computing in Java (see {@link PipelineLambda}). */
    public static final String QUICK_START_JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private FunctionEnvironment() {
    }

    /**
     * @param tableName        the table's name
     * @param artifactsBucket  the artifacts bucket's name
     * @param inboxBucket      the inbox bucket's name
     * @param deadLetterQueueUrl the DLQ's URL
     * @param eventBusName     the bus pipeline events go to
     */
    public static Map<String, String> common(InfraConfig config, String tableName, String artifactsBucket,
                                             String inboxBucket, String deadLetterQueueUrl, String eventBusName) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REELSMITH_TABLE", tableName);
        env.put("REELSMITH_ARTIFACTS_BUCKET", artifactsBucket);
        env.put("REELSMITH_INBOX_BUCKET", inboxBucket);
        env.put("REELSMITH_DLQ_URL", deadLetterQueueUrl);
        env.put("REELSMITH_EVENT_BUS", eventBusName);
        env.put("REELSMITH_PROVIDERS", config.defaultProviders());
        env.put("REELSMITH_SECRETS_PREFIX", config.secretsPrefix());
        env.put("REELSMITH_TEXT_MODEL", config.textModel());
        env.put("REELSMITH_DEFAULT_BUDGET_USD", config.defaultBudgetUsd().toPlainString());
        env.put("REELSMITH_REVIEW", config.review());
        env.put("REELSMITH_RETENTION_DAYS", Integer.toString(config.retentionDays()));
        env.put("POWERTOOLS_SERVICE_NAME", "reelsmith");
        env.put("POWERTOOLS_METRICS_NAMESPACE", "Reelsmith");
        return env;
    }
}
