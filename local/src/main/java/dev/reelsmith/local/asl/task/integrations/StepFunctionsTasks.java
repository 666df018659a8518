package dev.reelsmith.local.asl.task.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.AslEngine;
import dev.reelsmith.local.asl.ExecutionAlreadyExistsException;
import dev.reelsmith.local.asl.ExecutionDescription;
import dev.reelsmith.local.asl.ExecutionStatus;
import dev.reelsmith.local.asl.InvalidExecutionInputException;
import dev.reelsmith.local.asl.InvalidNameException;
import dev.reelsmith.local.asl.StateMachineDoesNotExistException;
import dev.reelsmith.local.asl.definition.StatesErrors;
import dev.reelsmith.local.asl.task.AslTaskFailure;
import dev.reelsmith.local.asl.task.ResourceArn;
import dev.reelsmith.local.asl.task.TaskInvocation;
import dev.reelsmith.local.asl.task.TaskResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * {@code arn:aws:states:::states:startExecution}, Step Functions starting another of its state machines:
 * {@code StateMachineArn}, {@code Input} (an object is sent as its JSON text; none is {@code {}}), {@code Name}. An
 * {@code AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID} field in the input stays in the child's input, as in AWS.
 *
 * <ul>
 *   <li>Request-response and {@code .waitForTaskToken}: the result is StartExecution's response
 *   {@code {ExecutionArn, SdkHttpMetadata, SdkResponseMetadata, StartDate}} (dates as epoch milliseconds).</li>
 *   <li>{@code .sync} and {@code .sync:2}: the task waits for the child and returns DescribeExecution's response
 *   ({@code ExecutionArn, Input, InputDetails, Name, Output, OutputDetails, StartDate, StateMachineArn, Status,
 *   StopDate}); {@code .sync} keeps {@code Input} and {@code Output} as JSON text, {@code .sync:2} parses them. A
 *   child that does not succeed fails the task with {@code States.TaskFailed} and that response as the cause; a
 *   parent task that is stopped or times out stops the child.</li>
 * </ul>
 *
 * <p>API errors are named {@code StepFunctions.<Code>Exception}, e.g.
 * {@code StepFunctions.StateMachineDoesNotExistException}. The call goes to the engine directly: locally, as in AWS,
 * Step Functions does not call itself over its public endpoint.
 */
final class StepFunctionsTasks {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> START_EXECUTION = Set.of("Input", "Name", "StateMachineArn");
    private static final Pattern STATE_MACHINE_ARN =
            Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:stateMachine:[^:]+");
    private static final Duration WAIT_SLICE = Duration.ofSeconds(30);

    private final AslEngine engine;

    StepFunctionsTasks(AslEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    TaskResource startExecution() {
        return this::startExecution;
    }

    private JsonNode startExecution(TaskInvocation invocation) throws InterruptedException {
        ObjectNode parameters = ServiceCalls.parameters(invocation, START_EXECUTION);
        String stateMachineArn = ServiceCalls.requiredText(parameters, "StateMachineArn");
        String name = ServiceCalls.optionalText(parameters, "Name");
        JsonNode input = parameters.get("Input");
        String inputText = input == null || input.isNull() ? "{}" : input.isTextual() ? input.textValue()
                : input.toString();
        String requestId = UUID.randomUUID().toString();
        ExecutionDescription started;
        try {
            if (!STATE_MACHINE_ARN.matcher(stateMachineArn).matches()) {
                throw failure("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + stateMachineArn
                        + "'", requestId);
            }
            started = engine.startExecution(stateMachineArn, name, inputText);
        } catch (StateMachineDoesNotExistException e) {
            throw failure("StateMachineDoesNotExist", e.getMessage(), requestId);
        } catch (ExecutionAlreadyExistsException e) {
            throw failure("ExecutionAlreadyExists", e.getMessage(), requestId);
        } catch (InvalidNameException e) {
            throw failure("InvalidName", e.getMessage(), requestId);
        } catch (InvalidExecutionInputException e) {
            throw failure("InvalidExecutionInput", e.getMessage(), requestId);
        }
        ResourceArn.Pattern pattern = invocation.resource().pattern();
        if (pattern == ResourceArn.Pattern.RUN_JOB || pattern == ResourceArn.Pattern.RUN_JOB_V2) {
            return awaitChild(started.executionArn(), pattern == ResourceArn.Pattern.RUN_JOB_V2);
        }
        ObjectNode body = ServiceCalls.nodes().objectNode();
        body.put("ExecutionArn", started.executionArn());
        body.put("StartDate", started.startDate().toEpochMilli());
        // the size of the API's own response body, {"executionArn":"...","startDate":...}
        ObjectNode apiBody = ServiceCalls.nodes().objectNode();
        apiBody.put("executionArn", started.executionArn());
        apiBody.put("startDate", started.startDate().toEpochMilli() / 1000.0);
        int length = apiBody.toString().getBytes(StandardCharsets.UTF_8).length;
        body.set("SdkHttpMetadata", ServiceCalls.httpMetadata(ServiceCalls.headers("application/x-amz-json-1.0",
                length, requestId, Map.of()), 200));
        body.set("SdkResponseMetadata", ServiceCalls.responseMetadata(requestId));
        return ServiceCalls.sorted(body);
    }

    private JsonNode awaitChild(String executionArn, boolean parseJson) throws InterruptedException {
        ExecutionDescription done;
        try {
            done = awaitClosed(executionArn);
        } catch (InterruptedException e) {
            // the parent task was stopped or timed out: Step Functions stops the child it is waiting for
            engine.stopExecution(executionArn, null, null);
            throw e;
        }
        ObjectNode described = describe(done, parseJson);
        if (done.status() != ExecutionStatus.SUCCEEDED) {
            throw new AslTaskFailure(StatesErrors.TASK_FAILED, described.toString());
        }
        return described;
    }

    private ExecutionDescription awaitClosed(String executionArn) throws InterruptedException {
        while (true) {
            try {
                return engine.awaitCompletion(executionArn, WAIT_SLICE);
            } catch (TimeoutException stillRunning) {
                // keep waiting: only the parent's own TimeoutSeconds (an interrupt) bounds the wait
            }
        }
    }

    private static ObjectNode describe(ExecutionDescription execution, boolean parseJson) {
        ObjectNode body = ServiceCalls.nodes().objectNode();
        body.put("ExecutionArn", execution.executionArn());
        body.set("Input", data(execution.input(), parseJson));
        body.putObject("InputDetails").put("Included", true);
        body.put("Name", execution.name());
        if (execution.output() != null) {
            body.set("Output", data(execution.output(), parseJson));
            body.putObject("OutputDetails").put("Included", true);
        }
        if (execution.error() != null) {
            body.put("Error", execution.error());
        }
        if (execution.cause() != null) {
            body.put("Cause", execution.cause());
        }
        body.put("StartDate", execution.startDate().toEpochMilli());
        body.put("StateMachineArn", execution.stateMachineArn());
        body.put("Status", execution.status().name());
        if (execution.stopDate() != null) {
            body.put("StopDate", execution.stopDate().toEpochMilli());
        }
        return ServiceCalls.sorted(body);
    }

    private static JsonNode data(String json, boolean parse) {
        if (parse) {
            try {
                return MAPPER.readTree(json);
            } catch (java.io.IOException e) {
                return ServiceCalls.nodes().textNode(json);
            }
        }
        return ServiceCalls.nodes().textNode(json);
    }

    private static AslTaskFailure failure(String code, String message, String requestId) {
        return new AslTaskFailure("StepFunctions." + code + "Exception",
                ServiceCalls.cause(message, "AWSStepFunctions", 400, code, requestId));
    }
}
