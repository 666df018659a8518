package dev.reelsmith.agents.production;

import java.util.List;

/**
 * The creative judgement the production planner asks the text model for (published as
 * {@code schemas/production-intent.schema.json}): per shot, how much it matters and how much it needs real
 * motion. The planner does the arithmetic itself.
 *
 * @param shots one entry per shot, in shot order
 */
public record ProductionIntent(List<ShotIntent> shots) {
    public ProductionIntent {
        shots = shots == null ? List.of() : List.copyOf(shots);
    }
}
