package dev.reelsmith.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Handler classes the tests register as functions; public with public no-arg constructors, as Lambda requires. */
final class LambdaTestHandlers {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LambdaTestHandlers() {
    }

    /** Answers with the event and what its {@code Context} says. */
    public static final class Echo implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            context.getLogger().log("echoing " + context.getAwsRequestId());
            ObjectNode answer = MAPPER.createObjectNode();
            answer.set("event", MAPPER.readTree(input));
            answer.put("requestId", context.getAwsRequestId());
            answer.put("functionName", context.getFunctionName());
            answer.put("functionVersion", context.getFunctionVersion());
            answer.put("invokedFunctionArn", context.getInvokedFunctionArn());
            answer.put("memoryLimitInMB", context.getMemoryLimitInMB());
            answer.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
            answer.put("logGroupName", context.getLogGroupName());
            answer.put("logStreamName", context.getLogStreamName());
            MAPPER.writeValue(output, answer);
        }
    }

    /** Counts how many times the runtime constructed it. */
    public static final class Counted implements RequestStreamHandler {
        static final AtomicInteger INSTANCES = new AtomicInteger();

        public Counted() {
            INSTANCES.incrementAndGet();
            try {
                // a slow constructor widens the window in which concurrent first invocations could race
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            output.write(Integer.toString(System.identityHashCode(this)).getBytes());
        }
    }

    /** A plain POJO event, as Lambda users write them: no-arg constructor, getters and setters. */
    public static final class Order {
        private String item;
        private int quantity;

        public String getItem() {
            return item;
        }

        public void setItem(String item) {
            this.item = item;
        }

        public int getQuantity() {
            return quantity;
        }

        public void setQuantity(int quantity) {
            this.quantity = quantity;
        }
    }

    /** The POJO result. */
    public static final class Receipt {
        private final String summary;
        private final int total;

        Receipt(String summary, int total) {
            this.summary = summary;
            this.total = total;
        }

        public String getSummary() {
            return summary;
        }

        public int getTotal() {
            return total;
        }
    }

    /** {@code RequestHandler<Order, Receipt>} bound through a generic superclass. */
    public abstract static class PricedHandler<I> implements RequestHandler<I, Receipt> {
    }

    public static final class Checkout extends PricedHandler<Order> {
        @Override
        public Receipt handleRequest(Order order, Context context) {
            return new Receipt(order.getQuantity() + " x " + order.getItem(), order.getQuantity() * 3);
        }
    }

    /** An EventBridge scheduled event in, a map out. */
    public static final class Schedule implements RequestHandler<ScheduledEvent, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("detailType", event.getDetailType());
            answer.put("source", event.getSource());
            answer.put("time", event.getTime().toString());
            answer.put("resources", event.getResources());
            answer.put("detail", event.getDetail());
            return answer;
        }
    }

    /** Returns nothing: the runtime answers {@code null}. */
    public static final class Silent implements RequestHandler<Map<String, Object>, Void> {
        @Override
        public Void handleRequest(Map<String, Object> event, Context context) {
            return null;
        }
    }

    /** Fails as a step does when a vendor refuses a prompt. */
    public static final class Refusing implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
            throw new PromptRefusedException("prompt refused by the content filter");
        }
    }

    public static final class PromptRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PromptRefusedException(String message) {
            super(message);
        }
    }

    /** Runs until interrupted. */
    public static final class Sleeper implements RequestStreamHandler {
        static final AtomicInteger INSTANCES = new AtomicInteger();

        public Sleeper() {
            INSTANCES.incrementAndGet();
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            output.write("{}".getBytes());
        }
    }

    /** Implements no handler interface. */
    public static final class NotAHandler {
    }
}
