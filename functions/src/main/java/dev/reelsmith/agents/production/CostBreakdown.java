package dev.reelsmith.agents.production;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The cheapest plan the production planner could find when it had to give up, shot by shot, so the person who
 * set the budget or deadline sees exactly where the money and time go.
 *
 * @param budgetUsd        the budget
 * @param totalUsd         what the cheapest acceptable plan costs
 * @param deadlineMinutes  the deadline, or null
 * @param estimatedMinutes how long that plan takes
 * @param lines            one line per shot plus the other costs
 */
public record CostBreakdown(BigDecimal budgetUsd, BigDecimal totalUsd, Integer deadlineMinutes, double estimatedMinutes,
                            List<Line> lines) {
    public CostBreakdown {
        lines = List.copyOf(lines);
    }

    /**
     * One shot (or other cost) of the breakdown.
     *
     * @param item    the shot id, or e.g. {@code planning}
     * @param tools   the tools, e.g. {@code replicate-flux-schnell + runway-gen4-turbo}
     * @param costUsd what it costs
     * @param seconds how long it takes
     */
    public record Line(String item, String tools, BigDecimal costUsd, double seconds) {
    }

    /** A plain-text table, for error messages and the CLI. */
    public String table() {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            text.append(String.format(Locale.ROOT, "  %-10s %-60s %9s  %6.0f s%n", line.item(), line.tools(),
                    "$" + line.costUsd().setScale(2, RoundingMode.HALF_UP).toPlainString(), line.seconds()));
        }
        text.append(String.format(Locale.ROOT, "  %-10s %-60s %9s  %6.1f min%n", "total", "",
                "$" + totalUsd.setScale(2, RoundingMode.HALF_UP).toPlainString(), estimatedMinutes));
        return text.toString();
    }
}
