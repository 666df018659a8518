package dev.reelsmith.api;

import dev.reelsmith.api.problems.UnauthenticatedException;
import java.util.Map;

/**
 * A request matched to a route: the request and the values of the template's path parameters.
 *
 * @param request        the request
 * @param pathParameters values by name, decoded
 */
public record Call(ApiRequest request, Map<String, String> pathParameters) {
    public Call {
        pathParameters = Map.copyOf(pathParameters);
    }

    /** A path parameter's value. */
    public String path(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no path parameter " + name);
        }
        return value;
    }

    /** The caller, who owns what it creates. */
    public String owner() {
        return request.owner().orElseThrow(() -> new UnauthenticatedException("the request carries no IAM principal "
                + "or JWT subject; sign it with SigV4 (the AWS CLI and SDKs do) or send a JWT"));
    }

    /** A query parameter, or null. */
    public String query(String name) {
        return request.query().get(name);
    }
}
