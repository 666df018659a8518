package dev.reelsmith.local.asl.definition;

import java.util.List;

/** A Choice state; {@code defaultState} is {@code null} when there is no Default. */
public record ChoiceState(CommonFields common, List<ChoiceRule> choices, String defaultState) implements State {
    public ChoiceState {
        choices = List.copyOf(choices);
    }
}
