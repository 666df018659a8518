package dev.reelsmith.infra.observability;

import dev.reelsmith.infra.functions.PipelineLambda;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.SingleValueWidget;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alarms on what needs a person (failed, throttled, aborted and timed-out executions; anything in the
 * dead-letter queue), sent to one SNS topic with an optional email subscription, and a dashboard of runs,
 * durations, spend ({@code Reelsmith/CostUsd}, the EMF metric the handlers emit per recorded cost), vendor errors
 * ({@code Reelsmith/VendorErrors}), dead letters and function errors.
 *
 * <p>The topic uses SNS's TLS-only policy but no KMS key: the messages are alarm state changes with no customer
 * data, and CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key.
 */
public final class Observability extends Construct {
    /** Namespace of the metrics Reelsmith's handlers emit (Powertools / EMF). */
    public static final String NAMESPACE = "Reelsmith";
    public static final String COST_METRIC = "CostUsd";
    public static final String VENDOR_ERRORS_METRIC = "VendorErrors";

    private final Topic alarmTopic;
    private final List<Alarm> alarms = new ArrayList<>();
    private final Dashboard dashboard;

    public Observability(Construct scope, String id, String namePrefix, IStateMachine stateMachine,
                         IQueue deadLetters, List<PipelineLambda> lambdas, Optional<String> alarmEmail) {
        super(scope, id);
        alarmTopic = Topic.Builder.create(this, "AlarmTopic")
                .displayName("Reelsmith alarms")
                .enforceSsl(true)
                .build();
        alarmEmail.ifPresent(email -> alarmTopic.addSubscription(new EmailSubscription(email)));

        MetricOptions fiveMinuteSum = MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build();
        alarm("ExecutionsFailed", "a pipeline run failed; see RecordFailure's session error and the DLQ",
                stateMachine.metricFailed(fiveMinuteSum));
        alarm("ExecutionThrottled", "Step Functions throttled state transitions of the pipeline",
                stateMachine.metricThrottled(fiveMinuteSum));
        alarm("ExecutionsAborted", "a pipeline run was stopped", stateMachine.metricAborted(fiveMinuteSum));
        alarm("ExecutionsTimedOut", "a pipeline run exceeded its timeout", stateMachine.metricTimedOut(fiveMinuteSum));
        alarm("DeadLetters", "messages are waiting in the dead-letter queue",
                deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Maximum").build()));

        dashboard = Dashboard.Builder.create(this, "Dashboard")
                // dashboards are global to the account: the region keeps deployments in two regions apart
                .dashboardName(namePrefix + "-pipeline-" + Stack.of(this).getRegion())
                .defaultInterval(Duration.days(1))
                .build();
        MetricOptions hourlySum = MetricOptions.builder().period(Duration.hours(1)).statistic("Sum").build();
        dashboard.addWidgets(TextWidget.Builder.create()
                .markdown("# Reelsmith\nRuns, spend and failures of the video pipeline. Alarms go to the "
                        + "alarm topic; failed runs also leave a message in the dead-letter queue.")
                .width(24).height(2).build());
        dashboard.addWidgets(
                GraphWidget.Builder.create().title("Runs per hour").width(12)
                        .left(List.of(stateMachine.metricStarted(hourlySum), stateMachine.metricSucceeded(hourlySum),
                                stateMachine.metricFailed(hourlySum), stateMachine.metricAborted(hourlySum),
                                stateMachine.metricTimedOut(hourlySum)))
                        .build(),
                GraphWidget.Builder.create().title("Run duration (ms)").width(12)
                        .left(List.of(
                                stateMachine.metricTime(MetricOptions.builder().statistic("p50").label("p50").build()),
                                stateMachine.metricTime(MetricOptions.builder().statistic("p90").label("p90").build()),
                                stateMachine.metricTime(MetricOptions.builder().statistic("Maximum").label("max")
                                        .build())))
                        .build());
        dashboard.addWidgets(
                GraphWidget.Builder.create().title("Spend per hour (USD)").width(8)
                        .left(List.of(allSeries(COST_METRIC, "spend", Duration.hours(1))))
                        .build(),
                SingleValueWidget.Builder.create().title("Spend in the period (USD)").width(4)
                        .metrics(List.of(allSeries(COST_METRIC, "spend", Duration.days(1))))
                        .setPeriodToTimeRange(true)
                        .build(),
                GraphWidget.Builder.create().title("Vendor errors").width(12)
                        .left(List.of(MathExpression.Builder.create()
                                .expression("SEARCH('Namespace=\"" + NAMESPACE + "\" MetricName=\""
                                        + VENDOR_ERRORS_METRIC + "\"', 'Sum', 300)")
                                .label("")
                                .usingMetrics(Map.of())
                                .period(Duration.minutes(5))
                                .build()))
                        .build());
        List<IMetric> functionErrors = new ArrayList<>();
        for (PipelineLambda lambda : lambdas) {
            functionErrors.add(lambda.function().metricErrors(MetricOptions.builder()
                    .period(Duration.minutes(5)).label(lambda.definition().id()).build()));
        }
        dashboard.addWidgets(
                GraphWidget.Builder.create().title("Dead letters").width(6)
                        .left(List.of(deadLetters.metricApproximateNumberOfMessagesVisible()))
                        .build(),
                GraphWidget.Builder.create().title("Function errors").width(12)
                        .left(functionErrors)
                        .build(),
                AlarmStatusWidget.Builder.create().title("Alarms").width(6)
                        .alarms(List.<IAlarm>copyOf(alarms))
                        .build());
    }

    /** The sum of every series of {@code metricName} in the namespace, whatever dimensions the handlers add. */
    private static MathExpression allSeries(String metricName, String label, Duration period) {
        return MathExpression.Builder.create()
                .expression("SUM(SEARCH('Namespace=\"" + NAMESPACE + "\" MetricName=\"" + metricName + "\"', 'Sum', "
                        + period.toSeconds().intValue() + "))")
                .label(label)
                .usingMetrics(Map.of())
                .period(period)
                .build();
    }

    private void alarm(String name, String what, Metric metric) {
        Alarm alarm = Alarm.Builder.create(this, name)
                .alarmDescription("Reelsmith: " + what)
                .metric(metric)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(alarmTopic));
        alarms.add(alarm);
    }

    /** The topic every alarm notifies. */
    public Topic alarmTopic() {
        return alarmTopic;
    }

    /** The alarms, in creation order. */
    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    /** The dashboard. */
    public Dashboard dashboard() {
        return dashboard;
    }
}
