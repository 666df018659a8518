package dev.reelsmith.local.asl.task;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The registry the engine looks Task resources up in. A resource is found, in this order, by its exact ARN as
 * written in the definition, by its ARN without the integration suffix ({@code .sync}, {@code .sync:2},
 * {@code .waitForTaskToken}), then by the resolvers in registration order (for families such as "every Lambda
 * function ARN"). Safe to modify while executions run.
 */
public final class TaskResources {
    private final Map<String, TaskResource> byArn = new ConcurrentHashMap<>();
    private final List<Function<ResourceArn, Optional<TaskResource>>> resolvers = new CopyOnWriteArrayList<>();

    /** Registers {@code resource} for {@code arn} (with or without an integration suffix); replaces an earlier one. */
    public TaskResources register(String arn, TaskResource resource) {
        ResourceArn.parse(arn);
        byArn.put(arn, resource);
        return this;
    }

    /** Adds a resolver consulted when no ARN was registered exactly, e.g. one for all Lambda function ARNs. */
    public TaskResources resolver(Function<ResourceArn, Optional<TaskResource>> resolver) {
        resolvers.add(resolver);
        return this;
    }

    /** The resource that runs {@code arn}, if any is registered. */
    public Optional<TaskResource> find(ResourceArn arn) {
        TaskResource exact = byArn.get(arn.arn());
        if (exact != null) {
            return Optional.of(exact);
        }
        TaskResource base = byArn.get(arn.baseArn());
        if (base != null) {
            return Optional.of(base);
        }
        for (Function<ResourceArn, Optional<TaskResource>> resolver : resolvers) {
            Optional<TaskResource> found = resolver.apply(arn);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
