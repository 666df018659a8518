package dev.reelsmith.infra.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelsmith.infra.checks.Suppressions;
import dev.reelsmith.infra.functions.GrantTargets;
import dev.reelsmith.infra.storage.DataBuckets;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.mediaconvert.CfnJobTemplate;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The MediaConvert side of Compose, for outputs too long to render within Lambda's 15 minutes: the role
 * MediaConvert assumes (reads the run's clips and audio, writes the run's output, nothing else) and a job template
 * with the delivery settings of the FFmpeg path (H.264 High, AAC 48 kHz stereo, fast-start MP4, loudness
 * normalised to -16 LUFS). Jobs set inputs, size and destination; the template fixes everything else.
 */
public final class LongRender extends Construct {
    static final String TEMPLATE_RESOURCE = "long-render-job-template.json";

    private final Role role;
    private final CfnJobTemplate template;

    public LongRender(Construct scope, String id, String namePrefix, IBucket artifacts) {
        super(scope, id);
        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("mediaconvert.amazonaws.com"))
                .description("Reelsmith long render: MediaConvert reads runs/ and cache/, writes runs/")
                .build();
        artifacts.grantRead(role, DataBuckets.RUNS_PREFIX + "*");
        artifacts.grantRead(role, DataBuckets.CACHE_PREFIX + "*");
        artifacts.grantPut(role, DataBuckets.RUNS_PREFIX + "*");
        Suppressions.grantWildcards(role);
        template = CfnJobTemplate.Builder.create(this, "JobTemplate")
                .name(namePrefix + "-long-render")
                .description("Reelsmith final video: H.264/AAC MP4, fast start, -16 LUFS")
                .category("reelsmith")
                .settingsJson(settings())
                .build();
    }

    /** What Compose needs to submit a job. */
    public GrantTargets.LongRenderTarget target() {
        return new GrantTargets.LongRenderTarget(role, template.getAttrArn(), template.getAttrName());
    }

    /** The role MediaConvert assumes. */
    public IRole role() {
        return role;
    }

    /** The job template. */
    public CfnJobTemplate template() {
        return template;
    }

    static Map<String, Object> settings() {
        try (InputStream in = LongRender.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE_RESOURCE + " is missing from the infra jar");
            }
            return new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE_RESOURCE, e);
        }
    }
}
