package dev.reelsmith.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.reelsmith.steps.StepDependencies;
import java.util.List;

/**
 * The HTTP API's Lambda function behind an API Gateway HTTP API (payload format 2.0), and behind
 * {@code reelsmith serve} locally: the event becomes a request, one route answers it, the answer goes back as the
 * 2.0 response. Routes and their schemas are in {@code openapi.json}; errors are RFC 9457 problem documents.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Api api;

    /** The runtime's constructor: configuration from the environment, real clients, once per container. */
    public ApiHandler() {
        this(StepDependencies.fromEnvironment());
    }

    public ApiHandler(StepDependencies dependencies) {
        this(new Api(dependencies));
    }

    public ApiHandler(Api api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.answer(ApiRequest.from(event)).toEvent();
    }

    /** The route keys this handler answers, e.g. {@code GET /sessions/{id}} (for the OpenAPI drift test). */
    public List<String> routeKeys() {
        return api.routes().stream().map(Route::key).toList();
    }
}
