package dev.reelsmith.local.asl;

import static dev.reelsmith.local.asl.AslHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The intrinsic functions, with the examples of the AWS guide. */
class AslIntrinsicsTest {

    /** Runs a Pass state whose Parameters evaluate {@code expression} into {@code result}. */
    private static JsonNode evaluate(String expression, String input) {
        String definition = """
                {"StartAt":"S","States":{"S":{"Type":"Pass","Parameters":{"result.$":%s},"End":true}}}"""
                .formatted(dev.reelsmith.local.asl.data.JsonValues.nodes().textNode(expression).toString());
        try (AslHarness harness = new AslHarness()) {
            ExecutionDescription done = harness.run(definition, input);
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            return json(done.output()).get("result");
        }
    }

    @Test
    void format_shouldInterpolateArguments_andHonourEscapedBraces() {
        // given / when
        JsonNode greeting = evaluate("States.Format('Hello, my name is {}.', $.name)", "{\"name\":\"Arnav\"}");
        JsonNode escaped = evaluate("States.Format('\\{\\} {} \\'quoted\\' {}', $.n, $.b)", "{\"n\":3,\"b\":true}");
        JsonNode nested = evaluate("States.Format('{} items', States.ArrayLength($.a))", "{\"a\":[1,2]}");

        // then
        assertThat(greeting.textValue()).isEqualTo("Hello, my name is Arnav.");
        assertThat(escaped.textValue()).isEqualTo("{} 3 'quoted' true");
        assertThat(nested.textValue()).isEqualTo("2 items");
    }

    @Test
    void stringToJsonAndJsonToString_shouldConvertBothWays() {
        // given
        String input = "{\"someString\":\"{\\\"number\\\": 20}\",\"someJson\":{\"name\":\"Foo\",\"zebra\":\"Bar\"}}";

        // when
        JsonNode parsed = evaluate("States.StringToJson($.someString)", input);
        JsonNode printed = evaluate("States.JsonToString($.someJson)", input);

        // then
        assertThat(parsed).isEqualTo(json("{\"number\":20}"));
        assertThat(printed.textValue()).isEqualTo("{\"name\":\"Foo\",\"zebra\":\"Bar\"}");
    }

    @Test
    void arrayFunctions_shouldMatchTheGuide() {
        // given
        String input = "{\"inputArray\":[1,2,3,4,5,6,7,8,9],\"lookingFor\":5,\"index\":5,\"dupes\":[1,2,3,3,3,3,3,3,4],"
                + "\"someJson\":{\"a\":1}}";

        // when / then
        assertThat(evaluate("States.Array('Foo', 2020, $.someJson, null)", input))
                .isEqualTo(json("[\"Foo\",2020,{\"a\":1},null]"));
        assertThat(evaluate("States.ArrayPartition($.inputArray, 4)", input))
                .isEqualTo(json("[[1,2,3,4],[5,6,7,8],[9]]"));
        assertThat(evaluate("States.ArrayContains($.inputArray, $.lookingFor)", input).booleanValue()).isTrue();
        assertThat(evaluate("States.ArrayRange(1, 9, 2)", input)).isEqualTo(json("[1,3,5,7,9]"));
        assertThat(evaluate("States.ArrayRange(5, 1, -2)", input)).isEqualTo(json("[5,3,1]"));
        assertThat(evaluate("States.ArrayGetItem($.inputArray, $.index)", input).intValue()).isEqualTo(6);
        assertThat(evaluate("States.ArrayLength($.inputArray)", input).intValue()).isEqualTo(9);
        assertThat(evaluate("States.ArrayUnique($.dupes)", input)).isEqualTo(json("[1,2,3,4]"));
    }

    @Test
    void encodingAndHashing_shouldMatchTheGuide() {
        // given
        String input = "{\"input\":\"Data to encode\",\"base64\":\"RGF0YSB0byBlbmNvZGU=\",\"Data\":\"input data\","
                + "\"Algorithm\":\"SHA-1\"}";

        // when / then
        assertThat(evaluate("States.Base64Encode($.input)", input).textValue()).isEqualTo("RGF0YSB0byBlbmNvZGU=");
        assertThat(evaluate("States.Base64Decode($.base64)", input).textValue()).isEqualTo("Data to encode");
        assertThat(evaluate("States.Hash($.Data, $.Algorithm)", input).textValue())
                .isEqualTo("aaff4a450a104cd177d28d18d74485e8cae074b7");
    }

    @Test
    void jsonMerge_shouldMergeShallowly_theSecondObjectWinning() {
        // given
        String input = "{\"json1\":{\"a\":{\"a1\":1,\"a2\":2},\"b\":2},\"json2\":{\"a\":{\"a3\":1,\"a4\":2},\"c\":3}}";

        // when
        JsonNode merged = evaluate("States.JsonMerge($.json1, $.json2, false)", input);

        // then
        assertThat(merged).isEqualTo(json("{\"a\":{\"a3\":1,\"a4\":2},\"b\":2,\"c\":3}"));
    }

    @Test
    void mathFunctions_shouldAddAndDrawWithinBounds() {
        // given
        String input = "{\"value1\":111,\"step\":-1,\"start\":1,\"end\":999}";

        // when
        JsonNode sum = evaluate("States.MathAdd($.value1, $.step)", input);
        JsonNode random = evaluate("States.MathRandom($.start, $.end)", input);
        JsonNode seededOnce = evaluate("States.MathRandom($.start, $.end, 7)", input);
        JsonNode seededTwice = evaluate("States.MathRandom($.start, $.end, 7)", input);

        // then
        assertThat(sum.intValue()).isEqualTo(110);
        assertThat(random.intValue()).isBetween(1, 998);
        assertThat(seededOnce).isEqualTo(seededTwice);
    }

    @Test
    void stringSplitAndUuid_shouldMatchTheGuide() {
        // given
        String input = "{\"inputString\":\"This.is+a,test=string\",\"splitter\":\".+,=\"}";

        // when
        JsonNode parts = evaluate("States.StringSplit($.inputString, $.splitter)", input);
        JsonNode uuid = evaluate("States.UUID()", input);

        // then
        assertThat(parts).isEqualTo(json("[\"This\",\"is\",\"a\",\"test\",\"string\"]"));
        assertThat(uuid.textValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void intrinsics_shouldReadVariables_andFailWithIntrinsicFailure_thatCatchCanHandle() {
        // given
        String definition = """
                {"StartAt":"Init","States":{
                  "Init":{"Type":"Pass","Assign":{"items":[1,2,3]},"Next":"Get"},
                  "Get":{"Type":"Pass","Parameters":{"third.$":"States.ArrayGetItem($items, 2)","bad.$":"States.ArrayGetItem($items, 10)"},
                    "End":true}}}""";
        String caught = """
                {"StartAt":"Get","States":{
                  "Get":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                    "Parameters":{"bad.$":"States.StringToJson($.text)"},
                    "Catch":[{"ErrorEquals":["States.IntrinsicFailure"],"Next":"Handled"}],"End":true},
                  "Handled":{"Type":"Pass","End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            harness.resources.register("arn:aws:states:::lambda:invoke", RecordingTask.echo());

            // when
            ExecutionDescription failed = harness.run(definition, "{}");
            ExecutionDescription handled = harness.run(caught, "{\"text\":\"not json\"}");

            // then
            assertThat(failed.error()).isEqualTo("States.IntrinsicFailure");
            assertThat(failed.cause()).contains("States.ArrayGetItem").contains("out of bounds");
            assertThat(handled.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(json(handled.output()).get("Error").textValue()).isEqualTo("States.IntrinsicFailure");
        }
    }
}
