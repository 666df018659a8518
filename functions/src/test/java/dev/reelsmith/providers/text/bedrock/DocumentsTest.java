package dev.reelsmith.providers.text.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.reelsmith.providers.text.Pitch;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

class DocumentsTest {
    private static final String NESTED = """
            {"z":1,"a":{"list":[true,false,null,"text",-7,2.5,[],{}],"big":123456789012345678901234567890,
             "long":9007199254740993,"tiny":1.0E-7,"unicode":"caf\\u00e9 \\ud83c\\udfac"},"empty":"","none":null}""";

    @Test
    void toDocument_shouldKeepEveryKindOfValue_whenJsonIsNested() {
        // given
        JsonNode json = Pitch.json(NESTED);

        // when
        Document document = Documents.toDocument(json);

        // then
        Map<String, Document> root = document.asMap();
        assertThat(new ArrayList<>(root.keySet())).containsExactly("z", "a", "empty", "none");
        assertThat(root.get("none").isNull()).isTrue();
        Map<String, Document> a = root.get("a").asMap();
        List<Document> list = a.get("list").asList();
        assertThat(list.get(0).asBoolean()).isTrue();
        assertThat(list.get(1).asBoolean()).isFalse();
        assertThat(list.get(2).isNull()).isTrue();
        assertThat(list.get(3).asString()).isEqualTo("text");
        assertThat(list.get(4).asNumber().longValue()).isEqualTo(-7);
        assertThat(list.get(5).asNumber().doubleValue()).isEqualTo(2.5);
        assertThat(list.get(6).asList()).isEmpty();
        assertThat(list.get(7).asMap()).isEmpty();
        assertThat(a.get("big").asNumber().bigDecimalValue().toBigInteger())
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(a.get("long").asNumber().longValue()).isEqualTo(9007199254740993L);
        assertThat(a.get("unicode").asString()).isEqualTo("café 🎬");
    }

    @Test
    void toJson_shouldRestoreTheSameTree_whenDocumentCameFromJson() {
        // given
        JsonNode json = Pitch.json(NESTED);

        // when
        JsonNode back = Documents.toJson(Documents.toDocument(json));

        // then
        assertThat(back).isEqualTo(json);
        assertThat(back.path("a").path("big").isBigInteger()).isTrue();
        assertThat(back.path("a").path("long").isLong()).isTrue();
        assertThat(back.path("z").isInt()).isTrue();
    }

    @Test
    void toJson_shouldReadNumbersAsJacksonWould_whenSdkParsedThemFromText() {
        // given
        Document document = Document.mapBuilder()
                .putNumber("int", SdkNumber.fromString("42"))
                .putNumber("decimal", SdkNumber.fromString("0.125"))
                .putNumber("exponent", SdkNumber.fromBigDecimal(new BigDecimal("1E+3")))
                .build();

        // when
        JsonNode json = Documents.toJson(document);

        // then
        assertThat(json.path("int").isInt()).isTrue();
        assertThat(json.path("int").intValue()).isEqualTo(42);
        assertThat(json.path("decimal").doubleValue()).isEqualTo(0.125);
        assertThat(json.path("exponent").decimalValue()).isEqualByComparingTo("1000");
    }

    @Test
    void toDocument_shouldRejectNonFiniteNumbers_whenTreeWasBuiltInCode() {
        // given
        JsonNode nan = JsonNodeFactory.instance.numberNode(Double.NaN);

        // when / then
        assertThatThrownBy(() -> Documents.toDocument(nan))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JSON has no representation for NaN");
    }
}
