package dev.reelsmith.local.sfn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelsmith.local.asl.AslEngine;
import dev.reelsmith.local.asl.ExecutionAlreadyExistsException;
import dev.reelsmith.local.asl.ExecutionDescription;
import dev.reelsmith.local.asl.ExecutionDoesNotExistException;
import dev.reelsmith.local.asl.ExecutionNotRedrivableException;
import dev.reelsmith.local.asl.ExecutionStatus;
import dev.reelsmith.local.asl.HistoryEvent;
import dev.reelsmith.local.asl.InvalidExecutionInputException;
import dev.reelsmith.local.asl.InvalidNameException;
import dev.reelsmith.local.asl.InvalidOutputException;
import dev.reelsmith.local.asl.InvalidTokenException;
import dev.reelsmith.local.asl.StateMachine;
import dev.reelsmith.local.asl.StateMachineAlreadyExistsException;
import dev.reelsmith.local.asl.StateMachineDoesNotExistException;
import dev.reelsmith.local.asl.TaskDoesNotExistException;
import dev.reelsmith.local.asl.TaskTimedOutException;
import dev.reelsmith.local.asl.definition.InvalidDefinitionException;
import dev.reelsmith.local.cloud.awsjson.AwsJson;
import dev.reelsmith.local.cloud.awsjson.AwsJsonService;
import dev.reelsmith.local.cloud.awsjson.AwsServiceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Step Functions API (AWS JSON 1.0, {@code X-Amz-Target: AWSStepFunctions.<Operation>}) over an
 * {@link AslEngine}, so that {@code SfnClient} and {@code aws stepfunctions} work against the local engine unchanged:
 * state machines (Create, Update, Describe, List, Delete), executions (Start, Describe, List, Stop, Redrive,
 * GetExecutionHistory, DescribeStateMachineForExecution) and task-token callbacks (SendTaskSuccess, SendTaskFailure,
 * SendTaskHeartbeat). Field names, error codes and timestamps (epoch seconds) are those of the AWS API. Only
 * STANDARD state machines exist; versions, aliases, activities, map runs and tags are not offered.
 */
public final class StepFunctionsApi implements AwsJsonService {
    private static final Pattern STATE_MACHINE_ARN =
            Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:stateMachine:[^:]+");
    private static final Pattern EXECUTION_ARN =
            Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:execution:[^:]+:[^:]+");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;

    private final AslEngine engine;
    private final Map<String, Function<ObjectNode, ObjectNode>> operations = Map.ofEntries(
            Map.entry("CreateStateMachine", this::createStateMachine),
            Map.entry("UpdateStateMachine", this::updateStateMachine),
            Map.entry("DescribeStateMachine", this::describeStateMachine),
            Map.entry("ListStateMachines", this::listStateMachines),
            Map.entry("DeleteStateMachine", this::deleteStateMachine),
            Map.entry("StartExecution", this::startExecution),
            Map.entry("DescribeExecution", this::describeExecution),
            Map.entry("DescribeStateMachineForExecution", this::describeStateMachineForExecution),
            Map.entry("ListExecutions", this::listExecutions),
            Map.entry("GetExecutionHistory", this::getExecutionHistory),
            Map.entry("StopExecution", this::stopExecution),
            Map.entry("RedriveExecution", this::redriveExecution),
            Map.entry("SendTaskSuccess", this::sendTaskSuccess),
            Map.entry("SendTaskFailure", this::sendTaskFailure),
            Map.entry("SendTaskHeartbeat", this::sendTaskHeartbeat));

    public StepFunctionsApi(AslEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public String targetPrefix() {
        return "AWSStepFunctions";
    }

    @Override
    public String jsonVersion() {
        return "1.0";
    }

    @Override
    public String errorNamespace() {
        return "com.amazonaws.swf.service.v2.model";
    }

    @Override
    public ObjectNode handle(String operation, ObjectNode request) {
        Function<ObjectNode, ObjectNode> handler = operations.get(operation);
        if (handler == null) {
            throw new AwsServiceException("UnknownOperationException", "The local Step Functions API does not offer "
                    + operation + "; it offers " + String.join(", ", operations.keySet().stream().sorted().toList()));
        }
        try {
            return handler.apply(request);
        } catch (StateMachineDoesNotExistException e) {
            throw new AwsServiceException("StateMachineDoesNotExist", e.getMessage());
        } catch (StateMachineAlreadyExistsException e) {
            throw new AwsServiceException("StateMachineAlreadyExists", e.getMessage());
        } catch (InvalidDefinitionException e) {
            throw new AwsServiceException("InvalidDefinition", e.getMessage());
        } catch (InvalidNameException e) {
            throw new AwsServiceException("InvalidName", e.getMessage());
        } catch (ExecutionDoesNotExistException e) {
            throw new AwsServiceException("ExecutionDoesNotExist", e.getMessage());
        } catch (ExecutionAlreadyExistsException e) {
            throw new AwsServiceException("ExecutionAlreadyExists", e.getMessage());
        } catch (InvalidExecutionInputException e) {
            throw new AwsServiceException("InvalidExecutionInput", e.getMessage());
        } catch (ExecutionNotRedrivableException e) {
            throw new AwsServiceException("ExecutionNotRedrivable", e.getMessage());
        } catch (InvalidTokenException e) {
            throw new AwsServiceException("InvalidToken", e.getMessage());
        } catch (TaskDoesNotExistException e) {
            throw new AwsServiceException("TaskDoesNotExist", e.getMessage());
        } catch (TaskTimedOutException e) {
            throw new AwsServiceException("TaskTimedOut", e.getMessage());
        } catch (InvalidOutputException e) {
            throw new AwsServiceException("InvalidOutput", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ state machines

    private ObjectNode createStateMachine(ObjectNode request) {
        String name = AwsJson.requiredString(request, "name");
        String definition = AwsJson.requiredString(request, "definition");
        String roleArn = roleArn(AwsJson.requiredString(request, "roleArn"));
        String type = AwsJson.optionalString(request, "type");
        if (type != null && !type.equals("STANDARD")) {
            throw new AwsServiceException("StateMachineTypeNotSupported", "The local Step Functions engine runs "
                    + "STANDARD state machines only, not " + type);
        }
        StateMachine machine = engine.createStateMachine(name, definition, roleArn);
        ObjectNode response = AwsJson.object();
        response.put("stateMachineArn", machine.arn());
        response.put("creationDate", AwsJson.epochSeconds(machine.creationDate()));
        return response;
    }

    private ObjectNode updateStateMachine(ObjectNode request) {
        String arn = stateMachineArn(AwsJson.requiredString(request, "stateMachineArn"));
        String definition = AwsJson.optionalString(request, "definition");
        String roleArn = AwsJson.optionalString(request, "roleArn");
        if (definition == null && roleArn == null) {
            throw new AwsServiceException("MissingRequiredParameter",
                    "Either the definition or the roleArn must be specified");
        }
        StateMachine machine = engine.describeStateMachine(arn);
        if (definition != null) {
            machine = engine.updateStateMachine(arn, definition);
        }
        if (roleArn != null) {
            machine = engine.restore(new StateMachine(machine.arn(), machine.name(), roleArn(roleArn),
                    machine.definitionJson(), machine.definition(), machine.creationDate()));
        }
        ObjectNode response = AwsJson.object();
        response.put("updateDate", AwsJson.epochSeconds(engine.clock().now()));
        return response;
    }

    private ObjectNode describeStateMachine(ObjectNode request) {
        StateMachine machine = engine.describeStateMachine(stateMachineArn(
                AwsJson.requiredString(request, "stateMachineArn")));
        return stateMachineJson(machine.arn(), machine.name(), machine.definitionJson(), machine.roleArn(),
                machine.creationDate());
    }

    private ObjectNode describeStateMachineForExecution(ObjectNode request) {
        String executionArn = executionArn(AwsJson.requiredString(request, "executionArn"));
        // the definition the execution runs, even if the state machine changed or was deleted since it started
        var snapshot = engine.snapshot(executionArn);
        String arn = snapshot.stateMachineArn();
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        ObjectNode response = stateMachineJson(arn, name, snapshot.definitionJson(), snapshot.roleArn(), null);
        response.remove("status");
        response.remove("type");
        response.remove("creationDate");
        response.put("updateDate", AwsJson.epochSeconds(snapshot.startDate()));
        return response;
    }

    private static ObjectNode stateMachineJson(String arn, String name, String definition, String roleArn,
                                               java.time.Instant creationDate) {
        ObjectNode response = AwsJson.object();
        response.put("stateMachineArn", arn);
        response.put("name", name);
        response.put("status", "ACTIVE");
        response.put("definition", definition);
        response.put("roleArn", roleArn);
        response.put("type", "STANDARD");
        if (creationDate != null) {
            response.put("creationDate", AwsJson.epochSeconds(creationDate));
        }
        ObjectNode logging = response.putObject("loggingConfiguration");
        logging.put("level", "OFF");
        logging.put("includeExecutionData", false);
        response.putObject("tracingConfiguration").put("enabled", false);
        return response;
    }

    private ObjectNode listStateMachines(ObjectNode request) {
        List<StateMachine> machines = engine.listStateMachines();
        Page<StateMachine> page = Page.of(machines, StateMachine::arn, "ListStateMachines",
                AwsJson.optionalString(request, "nextToken"), pageSize(request));
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("stateMachines");
        for (StateMachine machine : page.items()) {
            ObjectNode item = list.addObject();
            item.put("stateMachineArn", machine.arn());
            item.put("name", machine.name());
            item.put("type", "STANDARD");
            item.put("creationDate", AwsJson.epochSeconds(machine.creationDate()));
        }
        page.nextToken().ifPresent(token -> response.put("nextToken", token));
        return response;
    }

    private ObjectNode deleteStateMachine(ObjectNode request) {
        engine.deleteStateMachine(stateMachineArn(AwsJson.requiredString(request, "stateMachineArn")));
        return AwsJson.object();
    }

    // ------------------------------------------------------------------ executions

    private ObjectNode startExecution(ObjectNode request) {
        String arn = stateMachineArn(AwsJson.requiredString(request, "stateMachineArn"));
        ExecutionDescription started = engine.startExecution(arn, AwsJson.optionalString(request, "name"),
                AwsJson.optionalString(request, "input"));
        ObjectNode response = AwsJson.object();
        response.put("executionArn", started.executionArn());
        response.put("startDate", AwsJson.epochSeconds(started.startDate()));
        return response;
    }

    private ObjectNode describeExecution(ObjectNode request) {
        ExecutionDescription execution = engine.describeExecution(executionArn(
                AwsJson.requiredString(request, "executionArn")));
        ObjectNode response = executionSummary(execution);
        response.put("input", execution.input());
        response.putObject("inputDetails").put("included", true);
        if (execution.output() != null) {
            response.put("output", execution.output());
            response.putObject("outputDetails").put("included", true);
        }
        if (execution.error() != null) {
            response.put("error", execution.error());
        }
        if (execution.cause() != null) {
            response.put("cause", execution.cause());
        }
        response.put("redriveStatus", execution.redriveStatus());
        if (execution.redriveStatusReason() != null) {
            response.put("redriveStatusReason", execution.redriveStatusReason());
        }
        return response;
    }

    private static ObjectNode executionSummary(ExecutionDescription execution) {
        ObjectNode item = AwsJson.object();
        item.put("executionArn", execution.executionArn());
        item.put("stateMachineArn", execution.stateMachineArn());
        item.put("name", execution.name());
        item.put("status", execution.status().name());
        item.put("startDate", AwsJson.epochSeconds(execution.startDate()));
        if (execution.stopDate() != null) {
            item.put("stopDate", AwsJson.epochSeconds(execution.stopDate()));
        }
        item.put("redriveCount", execution.redriveCount());
        if (execution.redriveDate() != null) {
            item.put("redriveDate", AwsJson.epochSeconds(execution.redriveDate()));
        }
        return item;
    }

    private ObjectNode listExecutions(ObjectNode request) {
        String arn = stateMachineArn(AwsJson.requiredString(request, "stateMachineArn"));
        ExecutionStatus status = enumValue(request, "statusFilter", ExecutionStatus.class);
        String redriveFilter = AwsJson.optionalString(request, "redriveFilter");
        if (redriveFilter != null && !redriveFilter.equals("REDRIVEN") && !redriveFilter.equals("NOT_REDRIVEN")) {
            throw enumError("redriveFilter", redriveFilter, List.of("REDRIVEN", "NOT_REDRIVEN"));
        }
        List<ExecutionDescription> executions = new ArrayList<>();
        for (ExecutionDescription execution : engine.listExecutions(arn, status)) {
            boolean redriven = execution.redriveCount() > 0;
            if (redriveFilter == null || redriven == redriveFilter.equals("REDRIVEN")) {
                executions.add(execution);
            }
        }
        Page<ExecutionDescription> page = Page.of(executions, ExecutionDescription::executionArn,
                "ListExecutions:" + arn + ":" + status + ":" + redriveFilter,
                AwsJson.optionalString(request, "nextToken"), pageSize(request));
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("executions");
        page.items().forEach(execution -> list.add(executionSummary(execution)));
        page.nextToken().ifPresent(token -> response.put("nextToken", token));
        return response;
    }

    private ObjectNode getExecutionHistory(ObjectNode request) {
        String arn = executionArn(AwsJson.requiredString(request, "executionArn"));
        boolean reverse = AwsJson.optionalBoolean(request, "reverseOrder", false);
        boolean includeData = AwsJson.optionalBoolean(request, "includeExecutionData", true);
        List<HistoryEvent> events = new ArrayList<>(engine.getExecutionHistory(arn));
        if (reverse) {
            java.util.Collections.reverse(events);
        }
        Page<HistoryEvent> page = Page.of(events, event -> Long.toString(event.id()),
                "GetExecutionHistory:" + arn + ":" + reverse, AwsJson.optionalString(request, "nextToken"),
                pageSize(request));
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("events");
        for (HistoryEvent event : page.items()) {
            ObjectNode json = event.toJson();
            if (!includeData && event.detailsName() != null) {
                ObjectNode details = (ObjectNode) json.get(event.detailsName());
                details.remove(Arrays.asList("input", "inputDetails", "output", "outputDetails"));
            }
            list.add(json);
        }
        page.nextToken().ifPresent(token -> response.put("nextToken", token));
        return response;
    }

    private ObjectNode stopExecution(ObjectNode request) {
        String arn = executionArn(AwsJson.requiredString(request, "executionArn"));
        ExecutionDescription stopped = engine.stopExecution(arn, AwsJson.optionalString(request, "error"),
                AwsJson.optionalString(request, "cause"));
        ObjectNode response = AwsJson.object();
        response.put("stopDate", AwsJson.epochSeconds(stopped.stopDate() != null ? stopped.stopDate()
                : engine.clock().now()));
        return response;
    }

    private ObjectNode redriveExecution(ObjectNode request) {
        String arn = executionArn(AwsJson.requiredString(request, "executionArn"));
        ExecutionDescription redriven = engine.redriveExecution(arn);
        ObjectNode response = AwsJson.object();
        response.put("redriveDate", AwsJson.epochSeconds(redriven.redriveDate()));
        return response;
    }

    // ------------------------------------------------------------------ callbacks

    private ObjectNode sendTaskSuccess(ObjectNode request) {
        engine.sendTaskSuccess(AwsJson.requiredString(request, "taskToken"),
                AwsJson.requiredString(request, "output"));
        return AwsJson.object();
    }

    private ObjectNode sendTaskFailure(ObjectNode request) {
        engine.sendTaskFailure(AwsJson.requiredString(request, "taskToken"), AwsJson.optionalString(request, "error"),
                AwsJson.optionalString(request, "cause"));
        return AwsJson.object();
    }

    private ObjectNode sendTaskHeartbeat(ObjectNode request) {
        engine.sendTaskHeartbeat(AwsJson.requiredString(request, "taskToken"));
        return AwsJson.object();
    }

    // ------------------------------------------------------------------ validation

    private static String stateMachineArn(String arn) {
        if (!STATE_MACHINE_ARN.matcher(arn).matches()) {
            throw new AwsServiceException("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: "
                    + arn + "'");
        }
        return arn;
    }

    private static String executionArn(String arn) {
        if (!EXECUTION_ARN.matcher(arn).matches()) {
            throw new AwsServiceException("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: "
                    + arn + "'");
        }
        return arn;
    }

    private static String roleArn(String arn) {
        if (!ROLE_ARN.matcher(arn).matches()) {
            throw new AwsServiceException("InvalidArn", "Invalid Arn: 'Invalid role ARN: " + arn + "'");
        }
        return arn;
    }

    private static int pageSize(ObjectNode request) {
        int requested = AwsJson.range("maxResults", AwsJson.optionalInt(request, "maxResults", 0), 0, MAX_PAGE);
        return requested == 0 ? DEFAULT_PAGE : requested;
    }

    private static <E extends Enum<E>> E enumValue(ObjectNode request, String member, Class<E> type) {
        String value = AwsJson.optionalString(request, member);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw enumError(member, value, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
    }

    private static AwsServiceException enumError(String member, String value, List<String> allowed) {
        return AwsServiceException.validation("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
    }
}
