package dev.reelsmith.local.asl.definition;

import dev.reelsmith.local.asl.data.JsonataTemplate;
import dev.reelsmith.local.asl.data.PayloadTemplate;
import java.util.List;
import java.util.Objects;

/**
 * An inline Map state.
 *
 * @param itemsPath JSONPath {@code ItemsPath} ({@code "$"} by default)
 * @param items JSONata {@code Items} ({@code null}: the state input)
 * @param itemSelector JSONPath {@code ItemSelector} or legacy {@code Parameters}
 * @param itemSelectorJsonata JSONata {@code ItemSelector}
 * @param processor {@code ItemProcessor} or legacy {@code Iterator}
 * @param maxConcurrency MaxConcurrency or MaxConcurrencyPath; {@code null} or 0 means unbounded
 */
public record MapState(CommonFields common, String itemsPath, JsonataTemplate items, PayloadTemplate itemSelector,
                       JsonataTemplate itemSelectorJsonata, Workflow processor, DynamicValue maxConcurrency,
                       PayloadTemplate resultSelector, String resultPath, List<Retrier> retry,
                       List<Catcher> catchers) implements State, ExecutionState {
    public MapState {
        Objects.requireNonNull(processor, "processor");
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }
}
