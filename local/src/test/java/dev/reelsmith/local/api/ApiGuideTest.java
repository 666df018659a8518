package dev.reelsmith.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** What {@code reelsmith serve} prints about the API. */
class ApiGuideTest {
    @Test
    void render_shouldNameTheEndpointTheCallerRuleAndSignedCommands() {
        // given
        ApiGuide guide = new ApiGuide(URI.create("http://127.0.0.1:4575"), "us-east-1", false);

        // when
        String text = guide.render();

        // then
        assertThat(text).contains("API            http://127.0.0.1:4575")
                .contains("arn:aws:iam::000000000000:user/<access key id>")
                .contains("Unsigned requests get 401; start with --allow-anonymous")
                .contains("alias api='curl -s --aws-sigv4 \"aws:amz:us-east-1:execute-api\"")
                .contains("api -H 'content-type: application/json' --data @examples/briefs/sneaker-ad.json "
                        + "http://127.0.0.1:4575/sessions\n")
                .doesNotContain("/catalog/tools")
                .endsWith("curl -s http://127.0.0.1:4575/health\n");
    }

    @Test
    void render_shouldSayUnsignedCallsAreAnonymous_whenAllowed() {
        // given
        ApiGuide guide = new ApiGuide(URI.create("http://127.0.0.1:4575"), "eu-west-1", true);

        // when
        String text = guide.render();

        // then
        assertThat(text).contains("Unsigned requests are served as \"anonymous\"")
                .contains("aws:amz:eu-west-1:execute-api").contains("curl -s http://127.0.0.1:4575/catalog/tools");
    }
}
