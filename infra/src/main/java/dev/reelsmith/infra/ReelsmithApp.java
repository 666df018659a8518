package dev.reelsmith.infra;

import dev.reelsmith.infra.config.InfraConfig;
import dev.reelsmith.infra.config.InvalidContextException;
import dev.reelsmith.infra.config.MissingBuildOutputException;
import software.amazon.awscdk.App;

/**
 * The CDK app {@code cdk.json} runs ({@code npx cdk synth|deploy} from the repository root): reads the
 * configuration from context, adds the stacks and writes the cloud assembly. A missing build output or a bad
 * context value ends it with the one-line message that says what to do, not a stack trace.
 */
public final class ReelsmithApp {
    private ReelsmithApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        try {
            InfraConfig config = InfraConfig.fromContext(app.getNode()::tryGetContext);
            Deployment.into(app, config);
        } catch (MissingBuildOutputException | InvalidContextException e) {
            System.err.println("reelsmith: " + e.getMessage());
            System.exit(1);
        }
        app.synth();
    }
}
