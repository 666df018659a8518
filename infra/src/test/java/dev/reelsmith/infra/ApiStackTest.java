package dev.reelsmith.infra;

import dev.reelsmith.infra.functions.FunctionEnvironment;
import dev.reelsmith.steps.PipelineFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static dev.reelsmith.infra.TemplateMaps.allowing;
import static dev.reelsmith.infra.TemplateMaps.list;
import static dev.reelsmith.infra.TemplateMaps.map;
import static dev.reelsmith.infra.TemplateMaps.properties;
import static dev.reelsmith.infra.TemplateMaps.resource;
import static dev.reelsmith.infra.TemplateMaps.resources;
import static dev.reelsmith.infra.TemplateMaps.statements;
import static org.assertj.core.api.Assertions.assertThat;

class ApiStackTest {
    private static Template api;

    @BeforeAll
    static void synthesize() {
        api = TestApps.template(TestApps.defaults().api());
    }

    @Test
    void api_shouldRequireIamSignatures_whenNoJwtIssuerIsConfigured() {
        // given / when
        Map<String, Object> route = properties(api, "AWS::ApiGatewayV2::Route", "HttpApiANYproxy");

        // then
        assertThat(route).containsEntry("RouteKey", "ANY /{proxy+}").containsEntry("AuthorizationType", "AWS_IAM");
        api.resourceCountIs("AWS::ApiGatewayV2::Route", 1);
        api.resourceCountIs("AWS::ApiGatewayV2::Authorizer", 0);
        api.resourceCountIs("AWS::IAM::Role", 1);
    }

    @Test
    void api_shouldSendEveryRouteToTheSnapStartAlias_withPayloadVersionTwo() {
        // given
        String alias = resource(api, "AWS::Lambda::Alias", "ApiLive").getKey();

        // when
        Map<String, Object> integration = properties(api, "AWS::ApiGatewayV2::Integration", "HttpApiANYproxy");
        Map<String, Object> function = properties(api, "AWS::Lambda::Function", "ApiFunction");

        // then
        assertThat(integration).containsEntry("IntegrationType", "AWS_PROXY")
                .containsEntry("IntegrationUri", Map.of("Ref", alias))
                .containsEntry("PayloadFormatVersion", "2.0");
        assertThat(function).containsEntry("Handler", PipelineFunction.API.handlerClass())
                .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"))
                .containsEntry("Architectures", List.of("arm64"))
                .containsEntry("MemorySize", PipelineFunction.API.memoryMb());
        assertThat(map(map(function, "Environment"), "Variables")).containsKey(FunctionEnvironment.STATE_MACHINE_ARN);
        assertThat(properties(api, "AWS::Lambda::Permission", "HttpApiANYproxy"))
                .containsEntry("Principal", "apigateway.amazonaws.com")
                .containsEntry("FunctionName", Map.of("Ref", alias));
    }

    @Test
    void api_shouldThrottleAndLogEveryRequest_onTheDefaultStage() {
        // given
        String logs = resource(api, "AWS::Logs::LogGroup", "AccessLogs").getKey();

        // when
        Map<String, Object> stage = properties(api, "AWS::ApiGatewayV2::Stage", "DefaultStage");

        // then
        assertThat(stage).containsEntry("StageName", "$default").containsEntry("AutoDeploy", true)
                .containsEntry("DefaultRouteSettings", Map.of("ThrottlingBurstLimit", 20, "ThrottlingRateLimit", 10));
        Map<String, Object> accessLogs = map(stage, "AccessLogSettings");
        assertThat(accessLogs).containsEntry("DestinationArn", Map.of("Fn::GetAtt", List.of(logs, "Arn")));
        assertThat((String) accessLogs.get("Format")).startsWith("{\"requestId\":\"$context.requestId\"")
                .contains("$context.identity.userArn", "$context.status");
        api.hasOutput("ApiUrl", Map.of("Value", Map.of("Fn::Join", List.of("", List.of("https://",
                Map.of("Ref", resource(api, "AWS::ApiGatewayV2::Api", "HttpApi").getKey()), ".execute-api.",
                Map.of("Ref", "AWS::Region"), ".", Map.of("Ref", "AWS::URLSuffix"), "/")))));
    }

    @Test
    void api_shouldStartRunsAnswerReviewsAndPresignUploads_butNotReadVendorKeys() {
        // given
        List<Map<String, Object>> policy = statements(api, "ApiRoleDefaultPolicy");

        // when
        List<Map<String, Object>> review = allowing(policy, "states:SendTaskSuccess");

        // then
        assertThat(review).singleElement().satisfies(statement -> assertThat(TemplateMaps.actions(statement))
                .contains("states:SendTaskFailure", "states:SendTaskHeartbeat"));
        assertThat(allowing(policy, "states:StartExecution")).hasSize(1);
        assertThat(allowing(policy, "states:RedriveExecution")).hasSize(1);
        assertThat(resources(allowing(policy, "s3:PutObject").get(0)).toString()).contains("/briefs/*", "/songs/*");
        assertThat(allowing(policy, "secretsmanager:GetSecretValue")).isEmpty();
        assertThat(allowing(policy, "iam:PassRole")).isEmpty();
    }

    @Test
    void api_shouldValidateJwts_whenIssuerAndAudienceAreConfigured() {
        // given
        Template jwt = TestApps.template(TestApps.everythingConfigured().api());

        // when
        Map<String, Object> authorizer = properties(jwt, "AWS::ApiGatewayV2::Authorizer", "HttpApi");
        Map<String, Object> route = properties(jwt, "AWS::ApiGatewayV2::Route", "HttpApiANYproxy");

        // then
        assertThat(authorizer).containsEntry("AuthorizerType", "JWT")
                .containsEntry("JwtConfiguration", Map.of("Audience", List.of("reelsmith-console"),
                        "Issuer", "https://auth.example.com/"))
                .containsEntry("IdentitySource", List.of("$request.header.Authorization"));
        assertThat(route).containsEntry("AuthorizationType", "JWT");
        jwt.resourceCountIs("AWS::IAM::Role", 1);
    }

    @Test
    void api_shouldLetConfiguredPrincipalsAssumeTheClientRole_whenIamPrincipalsAreListed() {
        // given
        Template principals = TestApps.template(TestApps.iamPrincipals().api());

        // when
        Map<String, Object> role = properties(principals, "AWS::IAM::Role", "ApiClientRole");
        List<Map<String, Object>> invoke = allowing(statements(principals, "ApiClientRoleDefaultPolicy"),
                "execute-api:Invoke");

        // then
        Map<String, Object> trust = map(list(map(role, "AssumeRolePolicyDocument"), "Statement").get(0));
        assertThat(map(trust, "Principal")).isEqualTo(Map.of("AWS", List.of(
                "arn:aws:iam::123456789012:role/reelsmith-console", "arn:aws:iam::123456789012:user/editor")));
        // the one route serves every method and path, so its grant is the whole API
        assertThat(invoke).singleElement().satisfies(statement -> assertThat(resources(statement)).containsExactly(
                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":execute-api:",
                        Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":",
                        Map.of("Ref", resource(principals, "AWS::ApiGatewayV2::Api", "HttpApi").getKey()),
                        "/*/*/*")))));
        assertThat(properties(principals, "AWS::ApiGatewayV2::Route", "HttpApiANYproxy"))
                .containsEntry("AuthorizationType", "AWS_IAM");
        principals.hasOutput("ApiClientRoleArn", Map.of("Value", Map.of("Fn::GetAtt",
                List.of(resource(principals, "AWS::IAM::Role", "ApiClientRole").getKey(), "Arn"))));
    }
}
