package dev.reelsmith.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cdk-nag's AWS Solutions checks find nothing unsuppressed in any stack of any tested configuration, and the
 * suppressions are the known, reasoned ones (listed in the infra README). Reads what the one synthesis of each
 * app produced - its messages and the NagReport CSV per stack - because synthesizing again would run the checks
 * over already-resolved cross-stack references.
 */
class CdkNagTest {

    /** One row of a cdk-nag report. */
    record Finding(String ruleId, String resourcePath, String compliance, String reason, String level) {
    }

    private static List<Stack> stacks(Deployment deployment) {
        return List.of(deployment.storage(), deployment.pipeline(), deployment.api());
    }

    private static CloudAssembly assembly(Stack stack) {
        return ((App) stack.getNode().getRoot()).synth();
    }

    private static List<Finding> report(Stack stack) {
        Path csv = Path.of(assembly(stack).getDirectory(), "AwsSolutions-" + stack.getStackName() + "-NagReport.csv");
        assertThat(csv).as("cdk-nag report of " + stack.getStackName()).isRegularFile();
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            List<Finding> findings = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = csvCells(line);
                findings.add(new Finding(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4)));
            }
            return findings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cells of one CSV line as cdk-nag writes it: every cell quoted, quotes doubled. */
    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static void assertClean(Deployment deployment) {
        for (Stack stack : stacks(deployment)) {
            List<String> errors = assembly(stack).getStackArtifact(stack.getArtifactId()).getMessages().stream()
                    .filter(message -> message.getLevel() == SynthesisMessageLevel.ERROR)
                    .map(SynthesisMessage::toString).toList();
            assertThat(errors).as(stack.getStackName() + " errors").isEmpty();
            assertThat(report(stack)).as(stack.getStackName() + " unsuppressed findings")
                    .noneMatch(finding -> finding.compliance().equals("Non-Compliant"));
        }
    }

    @Test
    void awsSolutionsChecks_shouldFindNothingUnsuppressed_whenDeployedWithDefaults() {
        // given
        Deployment deployment = TestApps.defaults();

        // when / then
        assertClean(deployment);
    }

    @Test
    void awsSolutionsChecks_shouldFindNothingUnsuppressed_whenOptionsAreConfigured() {
        // given
        List<Deployment> deployments = List.of(TestApps.everythingConfigured(), TestApps.iamPrincipals());

        // when / then
        deployments.forEach(CdkNagTest::assertClean);
    }

    @Test
    void suppressions_shouldBeTheKnownReasonedOnes_whenListedPerStack() {
        // given
        Deployment deployment = TestApps.defaults();

        // when
        Map<String, Set<String>> rulesByStack = new TreeMap<>();
        Map<String, Set<String>> resourcesByRule = new TreeMap<>();
        for (Stack stack : stacks(deployment)) {
            for (Finding finding : report(stack)) {
                if (finding.compliance().equals("Suppressed")) {
                    rulesByStack.computeIfAbsent(stack.getStackName(), k -> new TreeSet<>()).add(finding.ruleId());
                    resourcesByRule.computeIfAbsent(finding.ruleId(), k -> new TreeSet<>())
                            .add(finding.resourcePath());
                    assertThat(finding.reason()).as(finding.resourcePath() + " " + finding.ruleId())
                            .hasSizeGreaterThan(60);
                }
            }
        }

        // then
        // Storage needs none: the log bucket counts as logged (it is the target) and nothing else is flagged
        assertThat(rulesByStack).containsExactly(
                Map.entry("Reelsmith-Api", Set.of("AwsSolutions-IAM5", "AwsSolutions-L1")),
                Map.entry("Reelsmith-Pipeline", Set.of("AwsSolutions-IAM5", "AwsSolutions-L1")));
        assertThat(resourcesByRule.get("AwsSolutions-L1")).hasSize(16)
                .allSatisfy(path -> assertThat(path).endsWith("/Function/Resource"));
        assertThat(resourcesByRule.get("AwsSolutions-IAM5"))
                .allSatisfy(path -> assertThat(path).endsWith("/DefaultPolicy/Resource"));
    }
}
