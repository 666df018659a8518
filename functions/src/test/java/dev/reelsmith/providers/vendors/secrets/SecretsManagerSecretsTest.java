package dev.reelsmith.providers.vendors.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.reelsmith.providers.ProviderNotConfiguredException;
import dev.reelsmith.providers.ThrottledException;
import dev.reelsmith.providers.text.SecretSource;
import dev.reelsmith.providers.vendors.VendorFixtures.ManualClock;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Secrets Manager and SSM secret sources through the real SDK clients, pointed at WireMock on 127.0.0.1. */
class SecretsManagerSecretsTest {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test"));

    private static WireMockServer server;

    private final ManualClock clock = new ManualClock();
    private SecretsManagerClient secretsManager;
    private SsmClient ssm;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void setUp() {
        server.resetAll();
        secretsManager = SecretsManagerClient.builder().endpointOverride(URI.create(server.baseUrl()))
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        ssm = SsmClient.builder().endpointOverride(URI.create(server.baseUrl()))
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterEach
    void closeClients() {
        secretsManager.close();
        ssm.close();
    }

    private static void stubTarget(String target, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    private static String secretValue(String secretString) {
        return "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:reelsmith/runway-AbCdEf\","
                + "\"Name\":\"reelsmith/runway\",\"SecretString\":" + secretString + ",\"VersionId\":\"v1\","
                + "\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.763800000E9}";
    }

    @Test
    void secret_shouldReadTheApiKeyFieldOnceWithinTheMaxAge_whenAskedTwice() {
        // given
        stubTarget("secretsmanager.GetSecretValue", json(200, secretValue("\"{\\\"apiKey\\\":\\\"key_abc\\\"}\"")));
        SecretSource source = new SecretsManagerSecrets(secretsManager, Duration.ofMinutes(5), clock)
                .forVendor("runway", "reelsmith/runway");

        // when
        String first = source.secret();
        clock.advance(Duration.ofMinutes(4));
        String second = source.secret();

        // then
        assertThat(first).isEqualTo("key_abc");
        assertThat(second).isEqualTo("key_abc");
        server.verify(1, postRequestedFor(urlPathEqualTo("/")));
        assertThat(source.toString()).doesNotContain("key_abc");
    }

    @Test
    void secret_shouldFetchAgain_whenTheCachedValueIsOlderThanTheMaxAge() {
        // given
        stubTarget("secretsmanager.GetSecretValue", json(200, secretValue("\"key_plain\"")));
        SecretSource source = new SecretsManagerSecrets(secretsManager, Duration.ofMinutes(5), clock)
                .forVendor("runway", "reelsmith/runway");

        // when
        source.secret();
        clock.advance(Duration.ofMinutes(6));
        String refreshed = source.secret();

        // then
        assertThat(refreshed).isEqualTo("key_plain");
        server.verify(2, postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void secret_shouldThrowProviderNotConfigured_whenTheSecretDoesNotExist() {
        // given
        stubTarget("secretsmanager.GetSecretValue", json(400, "{\"__type\":\"ResourceNotFoundException\","
                + "\"Message\":\"Secrets Manager can't find the specified secret.\"}"));
        SecretSource source = new SecretsManagerSecrets(secretsManager, Duration.ofMinutes(5), clock)
                .forVendor("luma", "reelsmith/luma");

        // when
        ProviderNotConfiguredException thrown = catchThrowableOfType(source::secret,
                ProviderNotConfiguredException.class);

        // then
        assertThat(thrown.providerId()).isEqualTo("luma");
        assertThat(thrown.getMessage()).contains("secret reelsmith/luma does not exist");
    }

    @Test
    void secret_shouldThrowThrottled_whenSecretsManagerThrottles() {
        // given
        stubTarget("secretsmanager.GetSecretValue", json(400, "{\"__type\":\"ThrottlingException\","
                + "\"Message\":\"Rate exceeded\"}"));
        SecretSource source = new SecretsManagerSecrets(secretsManager, Duration.ofMinutes(5), clock)
                .forVendor("openai", "reelsmith/openai");

        // when
        ThrottledException thrown = catchThrowableOfType(source::secret, ThrottledException.class);

        // then
        assertThat(thrown.providerId()).isEqualTo("openai");
    }

    @Test
    void secret_shouldReadTheDecryptedParameter_whenKeysLiveInSsm() {
        // given
        stubTarget("AmazonSSM.GetParameter", json(200, "{\"Parameter\":{\"Name\":\"/reelsmith/replicate\","
                + "\"Type\":\"SecureString\",\"Value\":\"r8_secret\",\"Version\":3}}"));
        SecretSource source = new SsmParameterSecrets(ssm, Duration.ofMinutes(5), clock)
                .forVendor("replicate", "/reelsmith/replicate");

        // when
        String key = source.secret();

        // then
        assertThat(key).isEqualTo("r8_secret");
        server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("\"WithDecryption\":true")));
    }

    @Test
    void secret_shouldThrowProviderNotConfigured_whenTheParameterDoesNotExist() {
        // given
        stubTarget("AmazonSSM.GetParameter", json(400, "{\"__type\":\"ParameterNotFound\",\"message\":\"\"}"));
        SecretSource source = new SsmParameterSecrets(ssm, Duration.ofMinutes(5), clock)
                .forVendor("google", "/reelsmith/google");

        // when
        ProviderNotConfiguredException thrown = catchThrowableOfType(source::secret,
                ProviderNotConfiguredException.class);

        // then
        assertThat(thrown.getMessage()).contains("parameter /reelsmith/google does not exist");
    }
}
