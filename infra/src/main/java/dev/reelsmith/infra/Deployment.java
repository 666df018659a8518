package dev.reelsmith.infra;

import dev.reelsmith.infra.api.ApiStack;
import dev.reelsmith.infra.config.InfraConfig;
import dev.reelsmith.infra.pipeline.PipelineStack;
import dev.reelsmith.infra.storage.StorageStack;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

import java.util.Objects;

/**
 * Reelsmith's stacks in one app, split by lifecycle (STYLE.md 13): {@code <prefix>-Storage} (data that outlives
 * releases), {@code <prefix>-Pipeline} (functions and workflow), {@code <prefix>-Api}. They are
 * environment-agnostic (account and region come from the CLI's credentials at deploy time), so {@code cdk synth}
 * needs no AWS account. cdk-nag's AWS Solutions checks run over all of them.
 *
 * @param storage  buckets, table, key
 * @param pipeline functions, state machine, trigger, alarms
 * @param api      the HTTP API
 */
public record Deployment(StorageStack storage, PipelineStack pipeline, ApiStack api) {
    public Deployment {
        Objects.requireNonNull(storage, "storage must not be null");
        Objects.requireNonNull(pipeline, "pipeline must not be null");
        Objects.requireNonNull(api, "api must not be null");
    }

    /** Adds the three stacks and the cdk-nag checks to {@code app}. */
    public static Deployment into(App app, InfraConfig config) {
        String prefix = config.stackPrefix();
        StorageStack storage = new StorageStack(app, prefix + "-Storage", props("Reelsmith storage: inbox and "
                + "artifacts buckets, session table, data key"), config);
        PipelineStack pipeline = new PipelineStack(app, prefix + "-Pipeline", props("Reelsmith pipeline: "
                + "functions, state machine, inbox trigger, alarms"), config, storage);
        ApiStack api = new ApiStack(app, prefix + "-Api", props("Reelsmith HTTP API"), config, storage, pipeline);
        Tags.of(app).add("application", "reelsmith");
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return new Deployment(storage, pipeline, api);
    }

    private static StackProps props(String description) {
        return StackProps.builder().description(description).build();
    }
}
