package dev.reelsmith.local.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelsmith.local.asl.definition.DefinitionParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every definition under {@code statemachines/} must pass both AWS-compatible static validators: the
 * community {@code asl-validator} (npm, pinned in package-lock.json, installed by the build) and our own
 * engine's parser. The first two tests prove the wiring: both validators accept a valid definition and
 * both reject a broken one, so a green run over the real files means something.
 */
class StateMachineDefinitionsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void validators_shouldAcceptAValidJsonataDefinition() throws Exception {
        // given
        Path file = write("ok.asl.json", """
                {"QueryLanguage": "JSONata", "StartAt": "Greet",
                 "States": {"Greet": {"Type": "Pass", "Output": "{% 'hello ' & $states.input.name %}", "Next": "Done"},
                            "Done": {"Type": "Succeed"}}}
                """);

        // when
        Result result = aslValidator(file);

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(DefinitionParser.parse(Files.readString(file))).isNotNull();
    }

    @Test
    void validators_shouldRejectATransitionToAMissingState() throws Exception {
        // given
        Path file = write("bad.asl.json", """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}
                """);

        // when
        Result result = aslValidator(file);

        // then
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Nowhere");
        assertThatThrownBy(() -> DefinitionParser.parse(Files.readString(file))).hasMessageContaining("Nowhere");
    }

    @Test
    void everyDefinitionInStatemachines_shouldPassBothValidators() throws Exception {
        // given
        List<Path> definitions;
        try (Stream<Path> files = Files.list(ROOT.resolve("statemachines"))) {
            definitions = files.filter(p -> p.getFileName().toString().endsWith(".asl.json")).sorted().toList();
        }

        // when / then
        for (Path definition : definitions) {
            Result result = aslValidator(definition);
            assertThat(result.exitCode()).as(definition + ": " + result.output()).isZero();
            assertThat(DefinitionParser.parse(Files.readString(definition))).as(definition.toString()).isNotNull();
        }
    }

    private Path write(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result aslValidator(Path definition) throws Exception {
        Path cli = ROOT.resolve("node_modules/asl-validator/dist/bin/asl-validator.js");
        if (!Files.exists(cli)) {
            cli = ROOT.resolve("node_modules/.bin/asl-validator");
        }
        assertThat(cli).as("asl-validator is installed by `npm ci` in the build (local/pom.xml)").exists();
        Process process = new ProcessBuilder("node", cli.toString(), "--json-path", definition.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("asl-validator finished").isTrue();
        return new Result(process.exitValue(), output);
    }
}
