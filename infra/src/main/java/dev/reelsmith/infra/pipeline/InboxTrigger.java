package dev.reelsmith.infra.pipeline;

import dev.reelsmith.infra.storage.DataBuckets;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Match;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * Starts runs: an EventBridge rule on the account's default bus (where S3 always sends its events) matching
 * "Object Created" in the inbox under {@code briefs/} or {@code songs/}, in any letter case as the inbox handler
 * reads keys, targeting the INBOX function.
 *
 * <p>Song sidecars ({@code songs/<name>.json}) and folder placeholders match too: a pattern cannot say "under
 * songs/ but not ending in .json" without a second rule, and the handler already ignores them (its outcome says
 * so in the log), so one rule and a cheap no-op invocation per sidecar it is. Events EventBridge cannot deliver
 * after its retries go to the dead-letter queue, as do invocations that still fail after Lambda's own retries.
 */
public final class InboxTrigger extends Construct {
    private final Rule rule;

    public InboxTrigger(Construct scope, String id, IBucket inbox, IFunction inboxFunction, IQueue deadLetters) {
        super(scope, id);
        rule = Rule.Builder.create(this, "ObjectCreated")
                .description("Reelsmith: an upload under briefs/ or songs/ in the inbox starts a run")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.s3"))
                        .detailType(List.of("Object Created"))
                        .detail(Map.of(
                                "bucket", Map.of("name", List.of(inbox.getBucketName())),
                                "object", Map.of("key", Match.anyOf(
                                        Match.prefixEqualsIgnoreCase(DataBuckets.BRIEFS_PREFIX),
                                        Match.prefixEqualsIgnoreCase(DataBuckets.SONGS_PREFIX)))))
                        .build())
                .targets(List.of(LambdaFunction.Builder.create(inboxFunction)
                        .deadLetterQueue(deadLetters)
                        .retryAttempts(8)
                        .maxEventAge(Duration.hours(2))
                        .build()))
                .build();
    }

    /** The rule. */
    public Rule rule() {
        return rule;
    }
}
