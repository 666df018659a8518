package dev.reelsmith.steps;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a step handler reads from its environment, read once and validated (STYLE.md 7). In AWS the values
 * are Lambda environment variables set by the CDK stack; in the local cloud, where handlers run in-process, the
 * same names are JVM system properties. Secrets are never configured here, only the names to look them up by.
 *
 * @param table            the single DynamoDB table ({@code REELSMITH_TABLE})
 * @param artifactsBucket  the artifacts bucket ({@code REELSMITH_ARTIFACTS_BUCKET})
 * @param inboxBucket      the inbox bucket ({@code REELSMITH_INBOX_BUCKET})
 * @param stateMachineArn  the pipeline state machine, for the inbox handler and the API; may be null elsewhere
 * @param providers        default generation providers ({@code REELSMITH_PROVIDERS}, default {@code local})
 * @param textModel        the planning agents' model ({@code REELSMITH_TEXT_MODEL}, default {@code local})
 * @param secretsPrefix    prefix of vendor secrets' names ({@code REELSMITH_SECRETS_PREFIX}, default {@code reelsmith/})
 * @param defaultBudgetUsd budget for songs, which carry none ({@code REELSMITH_DEFAULT_BUDGET_USD}, default 0)
 * @param songReview       review gates for songs: none, images, clips or both ({@code REELSMITH_REVIEW})
 * @param workDirectory    where steps keep working files ({@code REELSMITH_WORK_DIR}, default the temp directory)
 * @param deadLetterQueueUrl the SQS queue failed runs are reported to ({@code REELSMITH_DLQ_URL}); may be null
 *                         where a function sends none
 * @param eventBus         the EventBridge bus for pipeline events ({@code REELSMITH_EVENT_BUS}, default {@code default})
 * @param vendorLimits     concurrent calls per vendor across all Lambdas ({@code REELSMITH_VENDOR_LIMITS}, e.g.
 *                         {@code runway=2,replicate=10}; vendors not named get 4)
 */
public record StepConfig(String table, String artifactsBucket, String inboxBucket, String stateMachineArn,
                         String providers, String textModel, String secretsPrefix, BigDecimal defaultBudgetUsd,
                         String songReview, Path workDirectory, String deadLetterQueueUrl, String eventBus,
                         Map<String, Integer> vendorLimits) {
    public StepConfig {
        require(table, "REELSMITH_TABLE");
        require(artifactsBucket, "REELSMITH_ARTIFACTS_BUCKET");
        require(inboxBucket, "REELSMITH_INBOX_BUCKET");
        if (defaultBudgetUsd.signum() < 0) {
            throw new IllegalStateException("REELSMITH_DEFAULT_BUDGET_USD must be at least 0, was " + defaultBudgetUsd);
        }
        vendorLimits = Map.copyOf(vendorLimits);
        if (!songReview.matches("none|images|clips|both")) {
            throw new IllegalStateException("REELSMITH_REVIEW must be none, images, clips or both, was " + songReview);
        }
    }

    /** Reads the process environment, then JVM system properties of the same names. */
    public static StepConfig fromEnvironment() {
        return from(name -> {
            String value = System.getenv(name);
            return value != null && !value.isBlank() ? value : System.getProperty(name);
        });
    }

    /** Reads from a map, for tests. */
    public static StepConfig from(Map<String, String> values) {
        return from(values::get);
    }

    private static StepConfig from(Function<String, String> env) {
        String budget = or(env.apply("REELSMITH_DEFAULT_BUDGET_USD"), "0");
        BigDecimal defaultBudget;
        try {
            defaultBudget = new BigDecimal(budget);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("REELSMITH_DEFAULT_BUDGET_USD must be a number of US dollars, was " + budget);
        }
        return new StepConfig(env.apply("REELSMITH_TABLE"), env.apply("REELSMITH_ARTIFACTS_BUCKET"),
                env.apply("REELSMITH_INBOX_BUCKET"), env.apply("REELSMITH_STATE_MACHINE_ARN"),
                or(env.apply("REELSMITH_PROVIDERS"), "local"), or(env.apply("REELSMITH_TEXT_MODEL"), "local"),
                or(env.apply("REELSMITH_SECRETS_PREFIX"), "reelsmith/"), defaultBudget,
                or(env.apply("REELSMITH_REVIEW"), "none"),
                Path.of(or(env.apply("REELSMITH_WORK_DIR"), System.getProperty("java.io.tmpdir")), "reelsmith-work"),
                env.apply("REELSMITH_DLQ_URL"), or(env.apply("REELSMITH_EVENT_BUS"), "default"),
                limits(or(env.apply("REELSMITH_VENDOR_LIMITS"), "")));
    }

    private static Map<String, Integer> limits(String text) {
        Map<String, Integer> limits = new java.util.TreeMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split("=", 2);
            try {
                int limit = Integer.parseInt(pair.length == 2 ? pair[1].strip() : "");
                if (limit < 1 || limit > 1000 || pair[0].isBlank()) {
                    throw new NumberFormatException();
                }
                limits.put(pair[0].strip(), limit);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("REELSMITH_VENDOR_LIMITS must look like runway=2,replicate=10 "
                        + "(limits 1-1000), was " + text);
            }
        }
        return limits;
    }

    /** The state machine ARN, for the functions that start executions. */
    public String requireStateMachineArn() {
        require(stateMachineArn, "REELSMITH_STATE_MACHINE_ARN");
        return stateMachineArn;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set; the CDK stack sets it "
                    + "(locally, reelsmith sets it as a JVM system property)");
        }
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
