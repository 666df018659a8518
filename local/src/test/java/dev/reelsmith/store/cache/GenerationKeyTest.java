package dev.reelsmith.store.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationKeyTest {
    private static final String IMAGE = Sha256.of("first frame".getBytes(StandardCharsets.UTF_8));

    @Test
    void sha256_shouldNotDependOnParameterOrder() {
        // given
        Map<String, String> forwards = new LinkedHashMap<>();
        forwards.put("duration", "5");
        forwards.put("ratio", "1280:720");
        Map<String, String> backwards = new LinkedHashMap<>();
        backwards.put("ratio", "1280:720");
        backwards.put("duration", "5");

        // when
        String a = key("a red sneaker", null, 7, List.of(IMAGE), forwards).sha256();
        String b = key("a red sneaker", null, 7, List.of(IMAGE), backwards).sha256();

        // then
        assertThat(a).isEqualTo(b).matches("[0-9a-f]{64}");
    }

    @Test
    void sha256_shouldChange_whenAnyPartOfTheRequestChanges() {
        // given
        GenerationKey base = key("a red sneaker", "blur", 7, List.of(IMAGE), Map.of("duration", "5"));

        // when
        List<GenerationKey> variants = List.of(
                new GenerationKey("luma/ray-2", "v1", "a red sneaker", "blur", 7, List.of(IMAGE),
                        Map.of("duration", "5")),
                new GenerationKey("runway/gen4_turbo", "v2", "a red sneaker", "blur", 7, List.of(IMAGE),
                        Map.of("duration", "5")),
                key("a blue sneaker", "blur", 7, List.of(IMAGE), Map.of("duration", "5")),
                key("a red sneaker", null, 7, List.of(IMAGE), Map.of("duration", "5")),
                key("a red sneaker", "blur", 8, List.of(IMAGE), Map.of("duration", "5")),
                key("a red sneaker", "blur", 7, List.of(), Map.of("duration", "5")),
                key("a red sneaker", "blur", 7, List.of(IMAGE), Map.of("duration", "10")));

        // then
        assertThat(variants).extracting(GenerationKey::sha256).doesNotContain(base.sha256())
                .doesNotHaveDuplicates();
    }

    @Test
    void sha256_shouldDifferForFieldsThatWouldConcatenateAlike() {
        // when
        String split1 = key("ab", "c", 1, List.of(), Map.of()).sha256();
        String split2 = key("a", "bc", 1, List.of(), Map.of()).sha256();
        String param1 = key("p", null, 1, List.of(), Map.of("a", "b=c")).sha256();
        String param2 = key("p", null, 1, List.of(), Map.of("a=b", "c")).sha256();

        // then
        assertThat(split1).isNotEqualTo(split2);
        assertThat(param1).isNotEqualTo(param2);
    }

    @Test
    void constructor_shouldTreatABlankNegativePromptAsNone() {
        // when / then
        assertThat(key("p", "  ", 1, List.of(), Map.of())).isEqualTo(key("p", null, 1, List.of(), Map.of()));
    }

    @Test
    void constructor_shouldRejectAnInputHash_whenItIsNotASha256() {
        // when / then
        assertThatThrownBy(() -> key("p", null, 1, List.of(IMAGE, "ABC"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputSha256s[1] must be 64 lower-case hex digits, was ABC");
    }

    private static GenerationKey key(String prompt, String negative, long seed, List<String> inputs,
                                     Map<String, String> parameters) {
        return new GenerationKey("runway/gen4_turbo", "v1", prompt, negative, seed, inputs, parameters);
    }
}
