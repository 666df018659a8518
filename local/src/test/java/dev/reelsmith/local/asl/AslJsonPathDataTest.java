package dev.reelsmith.local.asl;

import static dev.reelsmith.local.asl.AslHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** InputPath, Parameters, ResultSelector, ResultPath and OutputPath, with the examples of the AWS guide. */
class AslJsonPathDataTest {
    private static final String HELLO_INPUT = """
            {"comment":"This is a test of the input and output of a Task state.","details":"Default example",
             "who":"AWS Step Functions"}""";

    private static String helloTask(String resultPath) {
        return """
                {"StartAt":"HelloWorld","States":{"HelloWorld":{"Type":"Task",
                  "Resource":"arn:aws:lambda:us-east-1:123456789012:function:HelloFunction",%s"End":true}}}"""
                .formatted(resultPath == null ? "" : "\"ResultPath\":" + resultPath + ",");
    }

    private static AslHarness withHelloFunction() {
        AslHarness harness = new AslHarness();
        harness.resources.register("arn:aws:lambda:us-east-1:123456789012:function:HelloFunction",
                new RecordingTask(invocation -> json("\"Hello, " + invocation.input().get("who").textValue() + "!\"")));
        return harness;
    }

    @Test
    void inputPath_shouldSelectPartOfTheInput_asInTheGuide() {
        // given
        String definition = """
                {"StartAt":"S","States":{"S":{"Type":"Pass","InputPath":"$.dataset2","End":true}}}""";
        String input = """
                {"comment":"Example for InputPath.","dataset1":{"val1":1,"val2":2,"val3":3},
                 "dataset2":{"val1":"a","val2":"b","val3":"c"}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, input);

            // then
            assertThat(json(done.output())).isEqualTo(json("{\"val1\":\"a\",\"val2\":\"b\",\"val3\":\"c\"}"));
        }
    }

    @Test
    void parameters_shouldBuildTheEffectiveInputFromPathsAndStaticValues_asInTheGuide() {
        // given
        String definition = """
                {"StartAt":"S","States":{"S":{"Type":"Pass","Parameters":{"comment":"Selecting what I care about.",
                  "MyDetails":{"size.$":"$.product.details.size","exists.$":"$.product.availability",
                  "StaticValue":"foo"}},"End":true}}}""";
        String input = """
                {"comment":"Example for Parameters.","product":{"details":{"color":"blue","size":"small",
                 "material":"cotton"},"availability":"in stock","sku":"2317","cost":"$23"}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, input);

            // then
            assertThat(json(done.output())).isEqualTo(json("""
                    {"comment":"Selecting what I care about.","MyDetails":{"size":"small","exists":"in stock",
                     "StaticValue":"foo"}}"""));
        }
    }

    @Test
    void parameters_shouldReadTheContextObject_withDoubleDollarPaths() {
        // given
        String definition = """
                {"StartAt":"Get","States":{"Get":{"Type":"Pass","Parameters":{"Execution.$":"$$.Execution.Id",
                  "Name.$":"$$.Execution.Name","StateName.$":"$$.State.Name","Entered.$":"$$.State.EnteredTime",
                  "Machine.$":"$$.StateMachine.Name","Input.$":"$$.Execution.Input.a","Role.$":"$$.Execution.RoleArn"},
                  "End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            String arn = harness.start(definition, "{\"a\":7}");
            ExecutionDescription done = harness.await(arn);

            // then
            assertThat(json(done.output())).isEqualTo(json("""
                    {"Execution":"%s","Name":"%s","StateName":"Get","Entered":"2024-05-01T10:00:00.000Z",
                     "Machine":"Machine1","Input":7,"Role":"%s"}""".formatted(arn, done.name(), AslHarness.ROLE)));
        }
    }

    @Test
    void resultPath_shouldReplaceTheInput_whenItIsTheDefault() {
        // given
        try (AslHarness harness = withHelloFunction()) {
            // when
            ExecutionDescription done = harness.run(helloTask(null), HELLO_INPUT);

            // then
            assertThat(done.output()).isEqualTo("\"Hello, AWS Step Functions!\"");
        }
    }

    @Test
    void resultPath_shouldAddTheResultToTheInput_whenItNamesAField() {
        // given
        try (AslHarness harness = withHelloFunction()) {
            // when
            ExecutionDescription done = harness.run(helloTask("\"$.taskresult\""), HELLO_INPUT);

            // then
            assertThat(json(done.output())).isEqualTo(json("""
                    {"comment":"This is a test of the input and output of a Task state.","details":"Default example",
                     "who":"AWS Step Functions","taskresult":"Hello, AWS Step Functions!"}"""));
        }
    }

    @Test
    void resultPath_shouldDiscardTheResult_whenNull() {
        // given
        try (AslHarness harness = withHelloFunction()) {
            // when
            ExecutionDescription done = harness.run(helloTask("null"), HELLO_INPUT);

            // then
            assertThat(json(done.output())).isEqualTo(json(HELLO_INPUT));
        }
    }

    @Test
    void resultPath_shouldCreateNestedObjects_thenOutputPathShouldFilter() {
        // given
        String definition = """
                {"StartAt":"S","States":{"S":{"Type":"Pass","Result":"Hello, AWS Step Functions!",
                  "ResultPath":"$.strings.lambdaresult","OutputPath":"$.strings","End":true}}}""";
        String input = """
                {"comment":"An input comment.","data":{"val1":23,"val2":17},"extra":"foo",
                 "lambda":{"who":"AWS Step Functions"}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, input);

            // then
            assertThat(json(done.output())).isEqualTo(json("{\"lambdaresult\":\"Hello, AWS Step Functions!\"}"));
        }
    }

    @Test
    void resultPath_shouldFailWithResultPathMatchFailure_whenTheInputIsNotAnObject() {
        // given
        String definition = """
                {"StartAt":"S","States":{"S":{"Type":"Pass","Result":1,"ResultPath":"$.x","End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "[1,2]");

            // then
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("States.ResultPathMatchFailure");
            assertThat(done.cause()).startsWith("An error occurred while executing the state 'S' (entered at the event"
                    + " id #2). Unable to apply ResultPath \"$.x\"");
        }
    }

    @Test
    void resultSelector_shouldReshapeTheTaskResult_beforeResultPath_asInTheGuide() {
        // given
        String definition = """
                {"StartAt":"Create","States":{"Create":{"Type":"Task",
                  "Resource":"arn:aws:states:::elasticmapreduce:createCluster.sync",
                  "ResultSelector":{"ClusterId.$":"$.output.ClusterId","ResourceType.$":"$.resourceType"},
                  "ResultPath":"$.EMROutput","End":true}}}""";
        try (AslHarness harness = new AslHarness()) {
            harness.resources.register("arn:aws:states:::elasticmapreduce:createCluster", new RecordingTask(
                    invocation -> json("""
                            {"resourceType":"elasticmapreduce","resource":"createCluster.sync","output":{
                             "SdkHttpMetadata":{"HttpStatusCode":200},"SdkResponseMetadata":{"RequestId":"1234-5678-9012"},
                             "ClusterId":"AKIAIOSFODNN7EXAMPLE"}}""")));

            // when
            ExecutionDescription done = harness.run(definition, "{\"comment\":\"x\"}");

            // then
            assertThat(json(done.output())).isEqualTo(json("""
                    {"comment":"x","EMROutput":{"ClusterId":"AKIAIOSFODNN7EXAMPLE","ResourceType":"elasticmapreduce"}}"""));
        }
    }

    @Test
    void inputPath_shouldFailTheExecutionWithStatesRuntime_whenThePathSelectsNothing() {
        // given
        String definition = """
                {"StartAt":"S","States":{"S":{"Type":"Pass","InputPath":"$.missing","End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{\"present\":1}");

            // then
            assertThat(done.error()).isEqualTo("States.Runtime");
            assertThat(done.cause()).isEqualTo("An error occurred while executing the state 'S' (entered at the event"
                    + " id #2). Invalid path '$.missing' : No results for path: $['missing']");
        }
    }

    @Test
    void parameters_shouldFailWithStatesRuntime_namingTheField_whenAPathSelectsNothing() {
        // given
        String definition = """
                {"StartAt":"S","States":{"S":{"Type":"Pass","Parameters":{"v.$":"$.nope"},"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{\"a\":1}");

            // then
            assertThat(done.error()).isEqualTo("States.Runtime");
            assertThat(done.cause()).endsWith("The JSONPath '$.nope' specified for the field 'v.$' could not be found"
                    + " in the input '{\"a\":1}'");
        }
    }

    @Test
    void paths_shouldSupportWildcardsAndFilters_returningArrays() {
        // given
        String definition = """
                {"StartAt":"S","States":{"S":{"Type":"Pass","Parameters":{"prices.$":"$.items[*].price",
                  "cheap.$":"$.items[?(@.price < 10)].name","first.$":"$.items[0].name"},"End":true}}}""";
        String input = """
                {"items":[{"name":"a","price":5},{"name":"b","price":15},{"name":"c","price":7}]}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, input);

            // then
            assertThat(json(done.output())).isEqualTo(json("{\"prices\":[5,15,7],\"cheap\":[\"a\",\"c\"],\"first\":\"a\"}"));
        }
    }

    @Test
    void inputAndOutputPathNull_shouldPassAnEmptyObject() {
        // given
        String definition = """
                {"StartAt":"S","States":{"S":{"Type":"Pass","InputPath":null,"Next":"T"},
                  "T":{"Type":"Pass","Result":{"x":1},"OutputPath":null,"End":true}}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, "{\"a\":1}");

            // then
            assertThat(done.output()).isEqualTo("{}");
        }
    }

    @Test
    void map_shouldBuildIterationInputs_withItemsPathAndItemSelector_asInTheGuide() {
        // given
        String definition = """
                {"StartAt":"ExampleMapState","States":{"ExampleMapState":{"Type":"Map","InputPath":"$.detail",
                  "ItemsPath":"$.shipped","MaxConcurrency":0,
                  "ItemSelector":{"parcel.$":"$$.Map.Item.Value","courier.$":"$.delivery-partner",
                    "index.$":"$$.Map.Item.Index"},
                  "ItemProcessor":{"StartAt":"Ship","States":{"Ship":{"Type":"Pass","End":true}}},
                  "ResultPath":"$.detail.shipped","End":true}}}""";
        String input = """
                {"ship-date":"2016-03-14T01:59:00Z","detail":{"delivery-partner":"UQS","shipped":[
                 {"prod":"R31","dest-code":9511,"quantity":1344},{"prod":"S39","dest-code":9511,"quantity":40}]}}""";

        try (AslHarness harness = new AslHarness()) {
            // when
            ExecutionDescription done = harness.run(definition, input);

            // then
            assertThat(json(done.output()).at("/detail/shipped")).isEqualTo(json("""
                    [{"parcel":{"prod":"R31","dest-code":9511,"quantity":1344},"courier":"UQS","index":0},
                     {"parcel":{"prod":"S39","dest-code":9511,"quantity":40},"courier":"UQS","index":1}]"""));
        }
    }
}
