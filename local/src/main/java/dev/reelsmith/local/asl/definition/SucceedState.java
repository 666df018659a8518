package dev.reelsmith.local.asl.definition;

/** A Succeed state. */
public record SucceedState(CommonFields common) implements State {
}
