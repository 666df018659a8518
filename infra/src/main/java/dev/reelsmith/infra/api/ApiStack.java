package dev.reelsmith.infra.api;

import dev.reelsmith.infra.config.InfraConfig;
import dev.reelsmith.infra.config.LogRetention;
import dev.reelsmith.infra.functions.FunctionEnvironment;
import dev.reelsmith.infra.functions.FunctionGrants;
import dev.reelsmith.infra.functions.GrantTargets;
import dev.reelsmith.infra.functions.LambdaSettings;
import dev.reelsmith.infra.functions.PipelineLambda;
import dev.reelsmith.infra.pipeline.PipelineStack;
import dev.reelsmith.infra.storage.StorageStack;
import dev.reelsmith.steps.PipelineFunction;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.CompositePrincipal;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API (payload format 2.0) in front of the API function: every route ({@code ANY /{proxy+}}) goes to
 * the function's SnapStart alias, which routes in Java. Authorisation is IAM (SigV4) by default - callers need
 * {@code execute-api:Invoke}, and {@code allowedApiPrincipals} may assume the API client role that has it - or a
 * JWT authoriser when {@code jwtIssuer}/{@code jwtAudience} are set. The stage throttles and writes JSON access
 * logs. Its own stack, because the API's lifecycle (domains, authorisers, clients) is not the pipeline's.
 */
public final class ApiStack extends Stack {
    /** execute-api:Invoke on every stage, method and path of one API (finding id as cdk-nag renders it). */
    static final String API_ROUTES =
            "/^Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:<[A-Za-z0-9]+>\\/\\*\\/\\*\\/\\*$/";
    /** The one route: the API function routes internally. */
    public static final String PROXY_PATH = "/{proxy+}";

    /** JSON access log line with the HTTP API context variables (caller identity for IAM or JWT). */
    static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\","
            + "\"ip\":\"$context.identity.sourceIp\","
            + "\"userArn\":\"$context.identity.userArn\","
            + "\"jwtSubject\":\"$context.authorizer.claims.sub\","
            + "\"requestTime\":\"$context.requestTime\","
            + "\"method\":\"$context.httpMethod\","
            + "\"routeKey\":\"$context.routeKey\","
            + "\"path\":\"$context.path\","
            + "\"status\":\"$context.status\","
            + "\"responseLength\":\"$context.responseLength\","
            + "\"latencyMs\":\"$context.responseLatency\","
            + "\"integrationLatencyMs\":\"$context.integrationLatency\","
            + "\"integrationError\":\"$context.integrationErrorMessage\","
            + "\"authorizerError\":\"$context.authorizer.error\"}";

    private final PipelineLambda api;
    private final HttpApi httpApi;
    private final HttpStage stage;
    private final LogGroup accessLogs;
    private final List<HttpRoute> routes;
    private final Optional<Role> clientRole;

    public ApiStack(Construct scope, String id, StackProps props, InfraConfig config, StorageStack storage,
                    PipelineStack pipeline) {
        super(scope, id, props);
        RemovalPolicy logRemoval = config.destroyData() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
        Map<String, String> environment = FunctionEnvironment.common(config, storage.table().getTableName(),
                storage.artifacts().getBucketName(), storage.inbox().getBucketName(),
                pipeline.deadLetters().getQueueUrl(), pipeline.eventBus().getEventBusName());
        LambdaSettings settings = new LambdaSettings(
                Code.fromAsset(config.buildOutputs().requireFunctionsJar().toString()), Optional.empty(),
                Architecture.ARM_64, environment, config.logRetentionDays(), logRemoval, pipeline.deadLetters(),
                config.reservedConcurrency());
        api = new PipelineLambda(this, PipelineFunction.API, settings,
                Map.of(FunctionEnvironment.STATE_MACHINE_ARN, pipeline.stateMachine().getStateMachineArn()));
        FunctionGrants.apply(api, new GrantTargets(storage.inbox(), storage.artifacts(), storage.table(),
                pipeline.eventBus(), pipeline.deadLetters(), pipeline.vendorSecrets(), config.bedrockModelId(),
                pipeline.stateMachine(), Optional.empty()));

        IHttpRouteAuthorizer authorizer = config.jwtIssuer().<IHttpRouteAuthorizer>map(issuer ->
                        new HttpJwtAuthorizer("Jwt", issuer, HttpJwtAuthorizerProps.builder()
                                .jwtAudience(config.jwtAudience())
                                .build()))
                .orElseGet(HttpIamAuthorizer::new);
        httpApi = HttpApi.Builder.create(this, "HttpApi")
                .apiName(config.stackPrefix() + "-api")
                .description("Reelsmith: sessions, reviews and uploads")
                .defaultAuthorizer(authorizer)
                .createDefaultStage(false)
                .build();
        routes = httpApi.addRoutes(AddRoutesOptions.builder()
                .path(PROXY_PATH)
                .methods(List.of(HttpMethod.ANY))
                .integration(new HttpLambdaIntegration("ApiFunction", api.invocable()))
                .build());

        accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(LogRetention.of(config.logRetentionDays()))
                .removalPolicy(logRemoval)
                .build();
        LogGroupLogDestination destination = new LogGroupLogDestination(accessLogs);
        AccessLogFormat format = AccessLogFormat.custom(ACCESS_LOG_FORMAT);
        stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(httpApi)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(config.apiThrottleRateLimit())
                        .burstLimit(config.apiThrottleBurstLimit())
                        .build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return destination;
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return format;
                    }
                })
                .build();

        clientRole = config.allowedApiPrincipals().isEmpty() ? Optional.empty() : Optional.of(clientRole(config));
        clientRole.ifPresent(role -> {
            routes.forEach(route -> route.grantInvoke(role));
            // after the grant: suppressions reach only the children (the role's policy) that exist already
            NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5")
                    .reason("HttpRoute.grantInvoke on this API's one route, ANY /{proxy+}: stage, method and path "
                            + "are '*' because that route serves every method and path of this API, and only "
                            + "this API.")
                    .appliesTo(List.of(RegexAppliesTo.builder().regex(API_ROUTES).build()))
                    .build()), true);
        });

        CfnOutput.Builder.create(this, "ApiUrl").value(stage.getUrl()).build();
        clientRole.ifPresent(role -> CfnOutput.Builder.create(this, "ApiClientRoleArn")
                .description("allowedApiPrincipals assume this role to call the API with SigV4")
                .value(role.getRoleArn())
                .build());
    }

    /**
     * HTTP APIs have no resource policy, so "who may call" is an identity policy: a role the configured principals
     * may assume, holding execute-api:Invoke on the routes.
     */
    private Role clientRole(InfraConfig config) {
        IPrincipal[] principals = config.allowedApiPrincipals().stream().map(ArnPrincipal::new)
                .toArray(IPrincipal[]::new);
        Role role = Role.Builder.create(this, "ApiClientRole")
                .assumedBy(new CompositePrincipal(principals))
                .description("Reelsmith API client: execute-api:Invoke on the Reelsmith HTTP API")
                .build();
        return role;
    }

    /** The API function. */
    public PipelineLambda apiFunction() {
        return api;
    }

    /** The HTTP API. */
    public HttpApi httpApi() {
        return httpApi;
    }

    /** The throttled, logged {@code $default} stage. */
    public HttpStage stage() {
        return stage;
    }

    /** The API client role, when {@code allowedApiPrincipals} is set. */
    public Optional<Role> clientRole() {
        return clientRole;
    }
}
