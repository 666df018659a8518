package dev.reelsmith.api;

import dev.reelsmith.api.problems.MethodNotAllowedException;
import dev.reelsmith.api.problems.ProblemException;
import dev.reelsmith.api.problems.RouteNotFoundException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the route for a request and turns every failure into a problem response: the conditions the API names
 * ({@link ProblemException}) with their status, anything else as a 500 that keeps the inside to the log.
 */
final class Router {
    private final List<Route> routes;
    private final Consumer<String> log;

    Router(List<Route> routes, Consumer<String> log) {
        this.routes = List.copyOf(routes);
        this.log = log;
    }

    List<Route> routes() {
        return routes;
    }

    ApiResponse answer(ApiRequest request) {
        try {
            List<String> allowed = new ArrayList<>();
            for (Route route : routes) {
                Optional<Map<String, String>> parameters = route.match(request.path());
                if (parameters.isEmpty()) {
                    continue;
                }
                if (!route.method().equals(request.method())) {
                    allowed.add(route.method());
                    continue;
                }
                Call call = new Call(request, parameters.get());
                if (route.authenticated()) {
                    call.owner();
                }
                return route.operation().answer(call);
            }
            if (!allowed.isEmpty()) {
                throw new MethodNotAllowedException(request.method() + " is not allowed on " + request.path()
                        + "; use " + String.join(" or ", allowed), allowed);
            }
            throw new RouteNotFoundException("no operation at " + request.path() + "; see /openapi.json");
        } catch (ProblemException e) {
            return ApiResponse.problem(e, request.path(), request.requestId());
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            log.accept("request " + request.requestId() + " " + request.method() + " " + request.path()
                    + " failed: " + trace);
            return ApiResponse.internalError(request.path(), request.requestId());
        }
    }
}
