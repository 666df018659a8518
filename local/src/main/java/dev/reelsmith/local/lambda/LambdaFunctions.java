package dev.reelsmith.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.task.LambdaErrors;
import dev.reelsmith.steps.PipelineFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local Lambda service: a registry of functions and an Invoke that runs their handlers in this JVM the way the
 * Java runtime runs them in AWS. Each function's handler class is instantiated once, lazily, on first invocation
 * (its public no-arg constructor, as the runtime calls it), and shared by later invocations; an invocation runs on a
 * thread of its own with a {@code Context} (request id, name, ARN, version, memory, remaining time from the function
 * timeout, a logger on stderr). A handler exception becomes the runtime's error document
 * {@code {"errorMessage","errorType","stackTrace"}} with {@code FunctionError: Unhandled}; an invocation that overruns
 * the function timeout ends with {@code Sandbox.Timedout} and the next one starts a fresh handler instance, as a
 * new sandbox would.
 *
 * <p>Functions are found by name, full ARN ({@code arn:aws:lambda:<region>:<account>:function:<name>[:qualifier]})
 * or partial ARN ({@code <account>:function:<name>}), as Invoke accepts them. There are no published versions:
 * every qualifier ({@code $LATEST}, a version number or an alias) runs the registered handler and reports
 * {@code $LATEST} as the executed version.
 *
 * <pre>{@code
 * try (LambdaFunctions lambda = new LambdaFunctions("us-east-1", "123456789012").registerPipelineFunctions()) {
 *     InvocationResult result = lambda.invoke("reelsmith-admit", "{\"key\":\"songs/a.mp3\"}".getBytes(UTF_8));
 * }
 * }</pre>
 */
public final class LambdaFunctions implements AutoCloseable {
    /** The only version that exists locally. */
    public static final String LATEST = "$LATEST";
    /** The prefix of the function names {@link #registerPipelineFunctions()} uses: {@code reelsmith-<id>}. */
    public static final String PIPELINE_PREFIX = "reelsmith-";
    /** Invoke's FunctionName pattern, with the groups for region (3), account (5), name (7) and qualifier (9). */
    private static final Pattern FUNCTION_NAME = Pattern.compile("(arn:(aws[a-zA-Z-]*)?:lambda:)?"
            + "([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)"
            + "(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
    private static final Pattern QUALIFIER = Pattern.compile("\\$LATEST|[a-zA-Z0-9-_]{1,128}");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Frames of this dispatcher, cut from reported stack traces as the runtime cuts its own. */
    private static final Set<String> DISPATCH_CLASSES = Set.of(LambdaFunctions.class.getName(),
            Handlers.class.getName());

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
    private final Map<String, String> missingHandlers = new ConcurrentHashMap<>();
    private final ExecutorService threads;

    /** A registry for functions in {@code region} and {@code accountId}, timed by the system clock. */
    public LambdaFunctions(String region, String accountId) {
        this(region, accountId, Clock.systemUTC());
    }

    /** A registry whose remaining-time and log-stream dates come from {@code clock}. */
    public LambdaFunctions(String region, String accountId, Clock clock) {
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("accountId must be 12 digits, was '" + accountId + "'");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "lambda-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    // ------------------------------------------------------------------ registry

    /** Registers {@code function}; its handler class is loaded on first invocation. Replaces one of the same name. */
    public LambdaFunctions register(LambdaFunction function) {
        deployments.put(function.name(), new Deployment(function, null));
        missingHandlers.remove(function.name());
        return this;
    }

    /**
     * Registers {@code function} with a handler object that is used as is instead of instantiating
     * {@link LambdaFunction#handlerClass()} (for handlers built with test dependencies).
     *
     * @throws IllegalArgumentException when {@code handler} is not of the function's handler class
     */
    public LambdaFunctions register(LambdaFunction function, Object handler) {
        Objects.requireNonNull(handler, "handler");
        if (!handler.getClass().getName().equals(function.handlerClass())) {
            throw new IllegalArgumentException("handler must be a " + function.handlerClass() + ", was a "
                    + handler.getClass().getName());
        }
        deployments.put(function.name(), new Deployment(function, handler));
        missingHandlers.remove(function.name());
        return this;
    }

    /**
     * Registers every {@link PipelineFunction} as {@code reelsmith-<id>} with its handler class, memory and timeout.
     * A function whose handler class is not on the class path is left out (see {@link #missingHandlers()}); invoking
     * it fails with {@code ResourceNotFoundException} naming the class.
     */
    public LambdaFunctions registerPipelineFunctions() {
        for (PipelineFunction pipeline : PipelineFunction.values()) {
            registerIfPresent(new LambdaFunction(PIPELINE_PREFIX + pipeline.id(), pipeline.handlerClass(),
                    pipeline.memoryMb(), pipeline.timeoutSeconds()));
        }
        return this;
    }

    /**
     * Registers {@code function} if its handler class is on the class path. Otherwise the function is left out and
     * recorded in {@link #missingHandlers()}, and invoking it fails with {@code ResourceNotFoundException} naming
     * the class, rather than with the runtime's {@code ClassNotFoundException} on every call.
     */
    public LambdaFunctions registerIfPresent(LambdaFunction function) {
        try {
            Class.forName(function.handlerClass(), false, LambdaFunctions.class.getClassLoader());
            register(function);
        } catch (ClassNotFoundException | LinkageError e) {
            deployments.remove(function.name());
            missingHandlers.put(function.name(), function.handlerClass());
        }
        return this;
    }

    /** The registered functions, by name. */
    public List<LambdaFunction> functions() {
        List<LambdaFunction> list = new ArrayList<>();
        deployments.values().forEach(deployment -> list.add(deployment.function));
        list.sort(Comparator.comparing(LambdaFunction::name));
        return list;
    }

    /** Functions {@link #registerPipelineFunctions()} left out, by name, with the handler class that is missing. */
    public Map<String, String> missingHandlers() {
        return Map.copyOf(missingHandlers);
    }

    /** The registered function {@code functionName} (a name, full or partial ARN) names, if any. */
    public Optional<LambdaFunction> function(String functionName) {
        try {
            return Optional.of(resolve(functionName, null).deployment.function);
        } catch (LambdaServiceException e) {
            return Optional.empty();
        }
    }

    /** The unqualified ARN of the function called {@code name} in this registry's region and account. */
    public String functionArn(String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    /**
     * The state machine definition's function placeholders ({@code ${AdmitFunctionArn}}, ...) mapped to the ARNs of
     * the pipeline functions in this registry's region and account, for substituting the definition locally.
     */
    public Map<String, String> pipelinePlaceholders() {
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (PipelineFunction pipeline : PipelineFunction.inDefinition()) {
            placeholders.put(pipeline.placeholder().orElseThrow(), functionArn(PIPELINE_PREFIX + pipeline.id()));
        }
        return placeholders;
    }

    // ------------------------------------------------------------------ invoke

    /** Invokes {@code functionName} synchronously (RequestResponse, no qualifier). */
    public InvocationResult invoke(String functionName, byte[] payload) throws InterruptedException {
        return invoke(functionName, null, InvocationType.REQUEST_RESPONSE, payload);
    }

    /**
     * Invokes a function as Lambda's Invoke API does. RequestResponse runs the handler and waits for it (at most the
     * function timeout); Event queues the invocation and returns 202 at once (its outcome only reaches the log);
     * DryRun only validates the request.
     *
     * @param functionName a name, full ARN or partial ARN, optionally with {@code :qualifier}
     * @param qualifier a version or alias, or null
     * @param payload the event JSON
     * @throws LambdaServiceException when the function does not exist, the name or qualifier is invalid or
     *     contradictory, or the payload is not JSON
     * @throws InterruptedException when the calling thread is interrupted; the running handler is interrupted too
     */
    public InvocationResult invoke(String functionName, String qualifier, InvocationType type, byte[] payload)
            throws InterruptedException {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Resolved resolved = resolve(functionName, qualifier);
        try {
            MAPPER.readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LambdaServiceException("InvalidRequestContentException", 400,
                    "Could not parse request body into json: Could not parse payload into json: "
                            + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String requestId = UUID.randomUUID().toString();
        if (type == InvocationType.DRY_RUN) {
            return new InvocationResult(type.statusCode(), requestId, LATEST, new byte[0], Optional.empty());
        }
        if (type == InvocationType.EVENT) {
            threads.execute(() -> {
                try {
                    InvocationResult result = run(resolved, requestId, payload.clone());
                    String name = resolved.deployment.function.name();
                    result.functionError().ifPresent(error -> System.err.println("[" + name
                            + "] asynchronous invocation " + requestId + " failed: " + result.payloadText()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return new InvocationResult(type.statusCode(), requestId, LATEST, new byte[0], Optional.empty());
        }
        return run(resolved, requestId, payload);
    }

    private InvocationResult run(Resolved resolved, String requestId, byte[] payload) throws InterruptedException {
        Deployment deployment = resolved.deployment;
        LambdaFunction function = deployment.function;
        Instant deadline = clock.instant().plusSeconds(function.timeoutSeconds());
        LocalLambdaContext context = new LocalLambdaContext(requestId, function, resolved.invokedArn,
                deployment.sandboxId(), deadline, clock, new StderrLambdaLogger(function.name()));
        Future<byte[]> call = threads.submit(() -> deployment.call(payload, context));
        try {
            byte[] output = call.get(Math.max(1, deadline.toEpochMilli() - clock.millis()), TimeUnit.MILLISECONDS);
            return new InvocationResult(200, requestId, LATEST, output, Optional.empty());
        } catch (ExecutionException e) {
            return failed(requestId, errorDocument(e.getCause()));
        } catch (TimeoutException e) {
            call.cancel(true);
            // Lambda discards a sandbox whose invocation timed out: the next invocation initialises a new handler
            deployment.reset();
            return failed(requestId, timeoutDocument(requestId, function.timeoutSeconds()));
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        }
    }

    private static InvocationResult failed(String requestId, String document) {
        return new InvocationResult(200, requestId, LATEST, document.getBytes(StandardCharsets.UTF_8),
                Optional.of("Unhandled"));
    }

    private static String errorDocument(Throwable thrown) {
        if (thrown instanceof Handlers.HandlerFault fault) {
            return fault.document();
        }
        filterStackTrace(thrown, new HashSet<>());
        return LambdaErrors.errorDocument(thrown);
    }

    private static String timeoutDocument(String requestId, int timeoutSeconds) {
        ObjectNode document = MAPPER.createObjectNode();
        document.put("errorMessage", "RequestId: " + requestId + " Error: Task timed out after "
                + String.format(Locale.ROOT, "%.2f", (double) timeoutSeconds) + " seconds");
        document.put("errorType", "Sandbox.Timedout");
        return document.toString();
    }

    /** Cuts this dispatcher's frames (and everything below them) from the trace, as the runtime cuts its own. */
    private static void filterStackTrace(Throwable thrown, Set<Throwable> seen) {
        if (thrown == null || !seen.add(thrown)) {
            return;
        }
        StackTraceElement[] trace = thrown.getStackTrace();
        for (int i = 0; i < trace.length; i++) {
            String className = trace[i].getClassName();
            int nested = className.indexOf('$');
            if (DISPATCH_CLASSES.contains(nested < 0 ? className : className.substring(0, nested))) {
                thrown.setStackTrace(java.util.Arrays.copyOf(trace, i));
                break;
            }
        }
        filterStackTrace(thrown.getCause(), seen);
        for (Throwable suppressed : thrown.getSuppressed()) {
            filterStackTrace(suppressed, seen);
        }
    }

    // ------------------------------------------------------------------ names

    private record Resolved(Deployment deployment, String invokedArn) {
    }

    private Resolved resolve(String functionName, String qualifier) {
        if (functionName == null || functionName.isEmpty() || functionName.length() > 170) {
            throw new LambdaServiceException("ValidationException", 400, "1 validation error detected: Value '"
                    + functionName + "' at 'functionName' failed to satisfy constraint: Member must have length"
                    + " between 1 and 170");
        }
        Matcher matcher = FUNCTION_NAME.matcher(functionName);
        if (!matcher.matches()) {
            throw new LambdaServiceException("ValidationException", 400, "1 validation error detected: Value '"
                    + functionName + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular"
                    + " expression pattern: " + FUNCTION_NAME.pattern());
        }
        if (qualifier != null && !QUALIFIER.matcher(qualifier).matches()) {
            throw new LambdaServiceException("ValidationException", 400, "1 validation error detected: Value '"
                    + qualifier + "' at 'qualifier' failed to satisfy constraint: Member must satisfy regular"
                    + " expression pattern: (|[a-zA-Z0-9$_-]+)");
        }
        String arnRegion = matcher.group(3) == null ? region : withoutColon(matcher.group(3));
        String arnAccount = matcher.group(5) == null ? accountId : withoutColon(matcher.group(5));
        String name = matcher.group(7);
        String derived = matcher.group(9);
        if (derived != null && qualifier != null && !derived.equals(qualifier)) {
            throw LambdaServiceException.invalidParameter(
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        String effective = derived != null ? derived : qualifier;
        String arn = "arn:aws:lambda:" + arnRegion + ":" + arnAccount + ":function:" + name
                + (effective == null ? "" : ":" + effective);
        boolean here = arnRegion.equals(region) && arnAccount.equals(accountId);
        Deployment deployment = here ? deployments.get(name) : null;
        if (deployment == null) {
            String missing = here ? missingHandlers.get(name) : null;
            throw LambdaServiceException.notFound("Function not found: " + arn + (missing == null ? ""
                    : " (its handler class " + missing + " is not on the class path)"));
        }
        return new Resolved(deployment, arn);
    }

    private static String withoutColon(String group) {
        return group.substring(0, group.length() - 1);
    }

    /** Stops the invocation threads; running handlers are interrupted. */
    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** A registered function and its handler, created on first use. */
    private static final class Deployment {
        private final LambdaFunction function;
        private final Object suppliedHandler;
        private RequestStreamHandler handler;
        private String sandboxId;

        private Deployment(LambdaFunction function, Object suppliedHandler) {
            this.function = function;
            this.suppliedHandler = suppliedHandler;
        }

        private synchronized RequestStreamHandler handler() {
            if (handler == null) {
                Object instance = suppliedHandler != null ? suppliedHandler
                        : Handlers.instantiate(function.handlerClass(), LambdaFunctions.class.getClassLoader());
                handler = Handlers.adapt(instance);
            }
            return handler;
        }

        private synchronized String sandboxId() {
            if (sandboxId == null) {
                sandboxId = UUID.randomUUID().toString().replace("-", "");
            }
            return sandboxId;
        }

        private synchronized void reset() {
            if (suppliedHandler == null) {
                handler = null;
            }
            sandboxId = null;
        }

        private byte[] call(byte[] payload, LocalLambdaContext context) throws Exception {
            RequestStreamHandler target = handler();
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(target.getClass().getClassLoader());
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                target.handleRequest(new ByteArrayInputStream(payload), out, context);
                return out.toByteArray();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }
}
