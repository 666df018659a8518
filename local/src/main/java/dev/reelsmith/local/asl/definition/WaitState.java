package dev.reelsmith.local.asl.definition;

/** A Wait state: exactly one of {@code seconds} (Seconds/SecondsPath) and {@code timestamp} (Timestamp/TimestampPath). */
public record WaitState(CommonFields common, DynamicValue seconds, DynamicValue timestamp) implements State {
    public WaitState {
        if ((seconds == null) == (timestamp == null)) {
            throw new IllegalArgumentException("exactly one of seconds and timestamp must be set");
        }
    }
}
