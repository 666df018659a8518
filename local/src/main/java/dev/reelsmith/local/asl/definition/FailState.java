package dev.reelsmith.local.asl.definition;

/** A Fail state; {@code error} and {@code cause} are {@code null} when not given. */
public record FailState(CommonFields common, DynamicValue error, DynamicValue cause) implements State {
}
