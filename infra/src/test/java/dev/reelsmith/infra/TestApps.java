package dev.reelsmith.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelsmith.infra.config.InfraConfig;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Synthesizes Reelsmith apps for the template tests, once per configuration per JVM (jsii runs Node, so a
 * synthesis costs seconds): with cdk.json's feature flags, small stand-ins for the functions jar and the layer
 * zips (asset content does not change a template beyond its hash), and the repository's state machine definition
 * when it exists, else the test fixture.
 */
final class TestApps {
    /** The configuration with every optional feature on: JWT, custom bus, Bedrock profile, arm64 FFmpeg, ... */
    static final Map<String, Object> EVERYTHING_CONFIGURED = Map.of(
            "jwtIssuer", "https://auth.example.com/",
            "jwtAudience", List.of("reelsmith-console"),
            "eventBusName", "reelsmith",
            "textModel", "bedrock:us.anthropic.claude-sonnet-4-20250514-v1:0",
            "ffmpegArchitecture", "arm64",
            "reservedConcurrency", Map.of("compose", 5),
            "alarmEmail", "ops@example.com",
            "destroyData", true,
            "retentionDays", 7);
    /** IAM authorisation with named principals and a Bedrock foundation model. */
    static final Map<String, Object> IAM_PRINCIPALS = Map.of(
            "allowedApiPrincipals", List.of("arn:aws:iam::123456789012:role/reelsmith-console",
                    "arn:aws:iam::123456789012:user/editor"),
            "textModel", "bedrock:amazon.nova-pro-v1:0");

    private static final Map<String, Deployment> SYNTHESIZED = new ConcurrentHashMap<>();

    private TestApps() {
    }

    /** The app as {@code npx cdk synth} builds it with no -c options. */
    static Deployment defaults() {
        return SYNTHESIZED.computeIfAbsent("defaults", name -> synthesize(name, Map.of()));
    }

    static Deployment everythingConfigured() {
        return SYNTHESIZED.computeIfAbsent("everything", name -> synthesize(name, EVERYTHING_CONFIGURED));
    }

    static Deployment iamPrincipals() {
        return SYNTHESIZED.computeIfAbsent("principals", name -> synthesize(name, IAM_PRINCIPALS));
    }

    static Template template(Stack stack) {
        return Template.fromStack(stack);
    }

    /** The repository root: the folder holding cdk.json. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cdk.json")) && Files.isDirectory(dir.resolve("infra"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no cdk.json above " + Path.of("").toAbsolutePath());
    }

    /** statemachines/video-pipeline.asl.json when it exists, else the fixture beside the tests. */
    static Path definition() {
        Path real = repositoryRoot().resolve("statemachines/video-pipeline.asl.json");
        return Files.isRegularFile(real) ? real
                : repositoryRoot().resolve("infra/src/test/resources/fixture-pipeline.asl.json");
    }

    private static Deployment synthesize(String name, Map<String, Object> overrides) {
        try {
            Path target = repositoryRoot().resolve("infra/target");
            Path fixtures = Files.createDirectories(target.resolve("test-fixtures"));
            Map<String, Object> context = new HashMap<>(cdkJsonContext());
            context.put("functionsJar", zip(fixtures.resolve("functions-lambda.jar"), "functions").toString());
            zip(fixtures.resolve("ffmpeg-layer-x86_64.zip"), "bin/ffmpeg");
            zip(fixtures.resolve("ffmpeg-layer-arm64.zip"), "bin/ffmpeg");
            context.put("ffmpegLayerDir", fixtures.toString());
            context.put("stateMachineDefinition", definition().toString());
            context.putAll(overrides);
            Path outdir = Files.createDirectories(target.resolve("cdk-test-out")).resolve(name);
            App app = App.Builder.create().outdir(outdir.toString()).context(context).build();
            Deployment deployment = Deployment.into(app, InfraConfig.fromContext(app.getNode()::tryGetContext));
            app.synth();
            return deployment;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> cdkJsonContext() throws IOException {
        Map<String, Object> cdkJson = new ObjectMapper().readValue(repositoryRoot().resolve("cdk.json").toFile(),
                new TypeReference<Map<String, Object>>() {
                });
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) cdkJson.get("context");
        return context;
    }

    /** A one-entry zip; the same bytes every time, so asset hashes are stable. */
    private static Path zip(Path file, String entry) throws IOException {
        if (!Files.isRegularFile(file)) {
            try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
                ZipEntry zipEntry = new ZipEntry(entry);
                zipEntry.setTime(0);
                zip.putNextEntry(zipEntry);
                zip.write(("stand-in for " + entry + " in infra tests\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
