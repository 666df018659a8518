package dev.reelsmith.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.schema.UploadValidator;
import dev.reelsmith.steps.StepDependencies;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The HTTP API: its route table (the same operations as {@code openapi.json}, which a test holds it to) and the
 * services behind the routes, built once per container around the pipeline's dependencies. Everything expensive
 * (the S3 presigner, the upload schemas) is built on first use, so a health check pays for nothing.
 */
public final class Api {
    private final Router router;
    private final OpenApiDocument document;

    /** The API over real dependencies, presigning with the environment's region, credentials and endpoint. */
    public Api(StepDependencies deps) {
        this(deps, Links::presignerFromEnvironment);
    }

    /** The API with another way to build its presigner. */
    public Api(StepDependencies deps, Supplier<S3Presigner> presigner) {
        this.document = OpenApiDocument.load();
        Links links = new Links(once(presigner));
        Supplier<UploadValidator> validator = once(UploadValidator::new);
        SessionViews views = new SessionViews(deps, links);
        SessionEndpoints sessions = new SessionEndpoints(deps, views, links, document, validator);
        ReviewEndpoints reviews = new ReviewEndpoints(deps, views, document, validator);
        PlanningEndpoints planning = new PlanningEndpoints(deps, document, validator);
        this.router = new Router(List.of(
                new Route("GET", "/health", false, call -> health(deps)),
                new Route("GET", "/openapi.json", false, call -> ApiResponse.json(200, document.document())),
                new Route("GET", "/catalog/tools", true, planning::catalog),
                new Route("POST", "/sessions", true, sessions::create),
                new Route("GET", "/sessions", true, sessions::list),
                new Route("GET", "/sessions/{id}", true, sessions::get),
                new Route("DELETE", "/sessions/{id}", true, sessions::cancel),
                new Route("GET", "/sessions/{id}/events", true, sessions::events),
                new Route("GET", "/sessions/{id}/costs", true, sessions::costs),
                new Route("POST", "/sessions/{id}/review/images", true, reviews::images),
                new Route("POST", "/sessions/{id}/review/clips", true, reviews::clips),
                new Route("POST", "/sessions/{id}/answers", true, reviews::answers),
                new Route("POST", "/sessions/{id}/retry", true, sessions::retry),
                new Route("POST", "/production/script", true, planning::script),
                new Route("POST", "/production/shots", true, planning::shots),
                new Route("POST", "/production/plan", true, planning::plan)), System.err::println);
    }

    /** Every route, in the order they are matched. */
    public List<Route> routes() {
        return router.routes();
    }

    /** Answers one request; failures become problem responses, never exceptions. */
    public ApiResponse answer(ApiRequest request) {
        return router.answer(request);
    }

    private static ApiResponse health(StepDependencies deps) {
        ObjectNode health = Json.mapper().createObjectNode();
        health.put("status", "ok");
        health.put("time", deps.clock().instant().toString());
        return ApiResponse.json(200, health);
    }

    private static <T> Supplier<T> once(Supplier<T> factory) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }
}
