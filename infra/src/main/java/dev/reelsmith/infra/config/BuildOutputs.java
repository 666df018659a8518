package dev.reelsmith.infra.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The files Maven builds that the app deploys as they are (STYLE.md 15: no Docker bundling): the shaded
 * functions jar, the FFmpeg layer zips ({@code ffmpeg-layer-<arch>.zip}) and the state machine definition.
 * Relative defaults resolve against the working directory, which is the repository root when the CDK CLI runs
 * the app from {@code cdk.json}.
 *
 * @param functionsJar           the one jar every function runs
 * @param ffmpegLayerDir         the folder holding {@code ffmpeg-layer-x86_64.zip} and {@code ffmpeg-layer-arm64.zip}
 * @param stateMachineDefinition the ASL file, with {@code ${...}} placeholders
 */
public record BuildOutputs(Path functionsJar, Path ffmpegLayerDir, Path stateMachineDefinition) {
    /** Builds everything the app deploys, from the repository root. */
    public static final String BUILD_COMMAND = "mvn -q -B -o -pl infra -am package -DskipTests";
    static final Path DEFAULT_FUNCTIONS_JAR = Path.of("functions/target/reelsmith-functions-lambda.jar");
    static final Path DEFAULT_FFMPEG_LAYER_DIR = Path.of("layers/ffmpeg/target/layer");
    static final Path DEFAULT_STATE_MACHINE = Path.of("statemachines/video-pipeline.asl.json");

    public BuildOutputs {
        Objects.requireNonNull(functionsJar, "functionsJar must not be null");
        Objects.requireNonNull(ffmpegLayerDir, "ffmpegLayerDir must not be null");
        Objects.requireNonNull(stateMachineDefinition, "stateMachineDefinition must not be null");
    }

    /** The layer zip for {@code architecture} ({@code x86_64} or {@code arm64}). */
    public Path ffmpegLayerZip(String architecture) {
        return ffmpegLayerDir.resolve("ffmpeg-layer-" + architecture + ".zip");
    }

    /** Fails with the path and the build command when the functions jar is absent. */
    public Path requireFunctionsJar() {
        return require(functionsJar, "the functions jar", "-c functionsJar=<path>");
    }

    /** Fails with the path and the build command when the layer zip for {@code architecture} is absent. */
    public Path requireFfmpegLayerZip(String architecture) {
        return require(ffmpegLayerZip(architecture), "the FFmpeg layer zip for " + architecture,
                "-c ffmpegLayerDir=<folder>");
    }

    /** Fails with the path when the state machine definition is absent. */
    public Path requireStateMachineDefinition() {
        if (!Files.isRegularFile(stateMachineDefinition)) {
            throw new MissingBuildOutputException("the state machine definition is missing: "
                    + stateMachineDefinition.toAbsolutePath().normalize()
                    + ". It lives in the repository (statemachines/); run `npx cdk` from the repository root "
                    + "or pass -c stateMachineDefinition=<path>.");
        }
        return stateMachineDefinition;
    }

    private static Path require(Path path, String what, String override) {
        if (!Files.isRegularFile(path)) {
            throw new MissingBuildOutputException(what + " is missing: " + path.toAbsolutePath().normalize()
                    + ". Build it from the repository root with `" + BUILD_COMMAND + "` (or pass " + override
                    + ").");
        }
        return path;
    }
}
