package dev.reelsmith.providers.vendors;

import dev.reelsmith.providers.text.bedrock.BedrockTextModel;
import dev.reelsmith.providers.vendors.http.Pause;
import dev.reelsmith.providers.vendors.http.VendorHttp;
import dev.reelsmith.providers.vendors.secrets.SecretSources;
import dev.reelsmith.providers.vendors.secrets.SecretsManagerSecrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The clients vendor adapters share, built once per container: one JDK HTTP client for every REST vendor, the secret
 * source, and the AWS clients Bedrock and the keyframe links need (absent when the deployment does not use them).
 *
 * @param http      the REST client (no automatic redirects; see {@link VendorHttp#newClient})
 * @param secrets   where API keys come from
 * @param bedrock   Bedrock Runtime in the generation models' region, retries off
 * @param s3        S3, for Bedrock's async outputs and staged keyframes
 * @param presigner presigns keyframe links
 * @param pause     how synchronous image calls wait between task polls
 * @param clock     for those waits' deadlines and the secret cache
 */
public record VendorClients(HttpClient http, SecretSources secrets, Optional<BedrockRuntimeClient> bedrock,
                            Optional<S3Client> s3, Optional<S3Presigner> presigner, Pause pause, Clock clock) {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public VendorClients {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(bedrock, "bedrock");
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(presigner, "presigner");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Real clients for a deployment in {@code region}: Secrets Manager (5-minute cache) in that region, Bedrock in
     * {@code settings.bedrockRegion()} when Bedrock is configured, S3 and the presigner when Bedrock or keyframe links
     * are. All AWS clients use the url-connection HTTP client; S3 uses path-style addressing when an endpoint
     * override is configured ({@code AWS_ENDPOINT_URL_S3}/{@code AWS_ENDPOINT_URL} or the matching system
     * properties), as the pipeline contract asks for local emulators.
     */
    public static VendorClients forAws(Region region, ProviderSettings settings) {
        Objects.requireNonNull(region, "region");
        SecretsManagerClient secretsManager = SecretsManagerClient.builder().region(region)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        Optional<BedrockRuntimeClient> bedrock = settings.bedrockOutput().map(output ->
                BedrockTextModel.clientBuilder(settings.requestTimeout())
                        .region(Region.of(settings.bedrockRegion())).build());
        boolean needS3 = settings.bedrockOutput().isPresent() || settings.imageLinks().isPresent();
        Optional<String> override = s3EndpointOverride();
        S3Configuration s3Config = S3Configuration.builder().pathStyleAccessEnabled(override.isPresent()).build();
        Optional<S3Client> s3 = needS3 ? Optional.of(S3Client.builder().region(region)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).serviceConfiguration(s3Config).build())
                : Optional.empty();
        Optional<S3Presigner> presigner = Optional.empty();
        if (settings.imageLinks().isPresent()) {
            S3Presigner.Builder builder = S3Presigner.builder().region(region).serviceConfiguration(s3Config);
            override.ifPresent(url -> builder.endpointOverride(URI.create(url)));
            presigner = Optional.of(builder.build());
        }
        return new VendorClients(VendorHttp.newClient(CONNECT_TIMEOUT),
                new SecretsManagerSecrets(secretsManager, SecretsManagerSecrets.DEFAULT_MAX_AGE, Clock.systemUTC()),
                bedrock, s3, presigner, Pause.sleeping("vendor"), Clock.systemUTC());
    }

    private static Optional<String> s3EndpointOverride() {
        for (String value : new String[] {System.getProperty("aws.endpointUrlS3"), System.getenv("AWS_ENDPOINT_URL_S3"),
                System.getProperty("aws.endpointUrl"), System.getenv("AWS_ENDPOINT_URL")}) {
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }
}
