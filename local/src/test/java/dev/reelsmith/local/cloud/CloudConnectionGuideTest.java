package dev.reelsmith.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudConnectionGuideTest {
    private static final LocalCloud.Endpoints ENDPOINTS = new LocalCloud.Endpoints(
            URI.create("http://127.0.0.1:4570"), URI.create("http://127.0.0.1:4571"),
            URI.create("http://127.0.0.1:4572"), URI.create("http://127.0.0.1:4573"),
            URI.create("http://127.0.0.1:4574"));
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:4570", "AWS_ENDPOINT_URL_SFN", "http://127.0.0.1:4572",
            "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local");

    @Test
    void render_shouldListEndpointsExportsAndCliCommands() {
        // given
        ConnectionGuide guide = new ConnectionGuide(ENDPOINTS, ENVIRONMENT, "us-east-1", "123456789012",
                Path.of("/work/.reelsmith"), "reelsmith-inbox");

        // when
        String text = guide.render();

        // then
        assertThat(text).contains("data in /work/.reelsmith")
                .contains("  S3             http://127.0.0.1:4570   (S3Mock)")
                .contains("  Step Functions http://127.0.0.1:4572   (Reelsmith ASL engine)")
                .contains("  export AWS_ENDPOINT_URL_S3=http://127.0.0.1:4570\n")
                .contains("  export AWS_ENDPOINT_URL_SFN=http://127.0.0.1:4572\n")
                .contains("  export AWS_REGION=us-east-1\n")
                .contains("  aws s3 cp brief.json s3://reelsmith-inbox/briefs/brief.json\n")
                .contains("  aws stepfunctions list-executions --state-machine-arn "
                        + "arn:aws:states:us-east-1:123456789012:stateMachine:NAME\n")
                .contains("  aws --endpoint-url http://127.0.0.1:4573 sqs list-queues\n")
                .contains("Watching s3://reelsmith-inbox");
        assertThat(text.indexOf("AWS_ENDPOINT_URL_S3")).isLessThan(text.indexOf("AWS_REGION"));
    }

    @Test
    void render_shouldSayNothingIsKept_whenRunningInMemory() {
        // given
        ConnectionGuide guide = new ConnectionGuide(ENDPOINTS, ENVIRONMENT, "us-east-1", "123456789012", null,
                "inbox");

        // when
        String text = guide.render();

        // then
        assertThat(text).startsWith("Reelsmith local cloud on 127.0.0.1 (in memory: nothing is kept)");
    }
}
