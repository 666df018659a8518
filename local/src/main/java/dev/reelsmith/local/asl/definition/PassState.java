package dev.reelsmith.local.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelsmith.local.asl.data.PayloadTemplate;

/** A Pass state; {@code result}, {@code parameters} and {@code resultPath} are JSONPath-only. */
public record PassState(CommonFields common, JsonNode result, PayloadTemplate parameters, String resultPath)
        implements State {
}
