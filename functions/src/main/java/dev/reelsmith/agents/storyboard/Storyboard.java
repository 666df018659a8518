package dev.reelsmith.agents.storyboard;

import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.domain.Beat;
import dev.reelsmith.domain.ContinuityAnchors;
import dev.reelsmith.domain.CostLine;
import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.Shot;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.ShotProduction;
import dev.reelsmith.domain.ToolChoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code storyboard.md}, the human-readable view of a plan: a one-line summary, the story beat by beat
 * (timing, purpose, feeling, what we see, what is said and shown, which key message or lyric it carries), the shot
 * table (framing, move, lens, light, tools, cost), the continuity anchors, the cost estimate by tool with any
 * degradations and caveats, and every keyframe prompt. Also renders the questions page when the brief needs
 * answers first.
 */
public final class Storyboard {
    private static final int TABLE_TEXT = 160;

    private Storyboard() {
    }

    /** The storyboard of a complete plan. */
    public static String markdown(PlanningInput input, Script script, ShotList shots, ProductionPlan plan) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(input.title()).append("\n\n");
        md.append(String.format(Locale.ROOT, "%s · %s · %s · %d beats · %d shots · estimated **$%s** of a $%s budget · "
                        + "about %s min to make · %s%n%n", kindLabel(input), clock(script.totalDurationSeconds()),
                shots.aspectRatio().label(), script.beats().size(), shots.shots().size(), money(plan.totalCostUsd()),
                money(plan.budgetUsd()), number(plan.estimatedMinutes()), plan.mode().label()));
        if (input.brief() != null && input.brief().product() != null) {
            md.append("**Product:** ").append(input.brief().product().name());
            if (input.brief().audience() != null) {
                md.append(" · **Audience:** ").append(input.brief().audience());
            }
            if (input.brief().tone() != null) {
                md.append(" · **Tone:** ").append(input.brief().tone());
            }
            md.append("\n\n");
        }
        story(md, input, script, shots);
        shotTable(md, shots, plan);
        continuity(md, shots.shots().get(0).continuity());
        costs(md, plan);
        prompts(md, shots);
        return md.toString();
    }

    /** The page shown instead when the script writer needs answers. */
    public static String questions(PlanningInput input, Script script) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(input.title()).append(": questions before planning\n\n");
        md.append("The brief is too thin or contradicts itself, so nothing was planned or spent. Answer these by "
                + "editing the brief and upload it again:\n\n");
        int n = 1;
        for (String question : script.clarifyingQuestions()) {
            md.append(n++).append(". ").append(question).append('\n');
        }
        return md.toString();
    }

    /** A few lines for a terminal: total, headroom, time, mode and cost per tool. */
    public static String costSummary(ProductionPlan plan) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Estimated cost $%s of $%s budget ($%s headroom), about %s min, %s.%n",
                money(plan.totalCostUsd()), money(plan.budgetUsd()), money(plan.headroomUsd()),
                number(plan.estimatedMinutes()), plan.mode().label()));
        for (Map.Entry<String, ToolTotal> entry : byTool(plan).entrySet()) {
            ToolTotal total = entry.getValue();
            text.append(String.format(Locale.ROOT, "  %-32s %3d call%s %14s  $%s%n", entry.getKey(), total.calls,
                    total.calls == 1 ? " " : "s", number(total.quantity.doubleValue()) + " " + total.unit
                            + (total.quantity.compareTo(BigDecimal.ONE) == 0 ? "" : "s"), money(total.cost)));
        }
        for (CostLine line : plan.otherCosts()) {
            text.append(String.format(Locale.ROOT, "  %-32s %-21s  $%s%n", line.toolId(), line.item(), money(line.costUsd())));
        }
        if (!plan.degradations().isEmpty()) {
            text.append(plan.degradations().size()).append(" degradation notes to fit the budget or deadline; see storyboard.md.\n");
        }
        return text.toString();
    }

    private static void story(StringBuilder md, PlanningInput input, Script script, ShotList shots) {
        md.append("## The story\n\n");
        for (Beat beat : script.beats()) {
            md.append(String.format(Locale.ROOT, "### %s–%s · %s%s · %s%n%n", clock(beat.startSeconds()),
                    clock(beat.endSeconds()), title(beat.purpose().label()),
                    beat.sectionLabel() == null ? "" : " (" + beat.sectionLabel() + ")", beat.emotion()));
            md.append(beat.visualIntent()).append("\n\n");
            if (beat.narration() != null) {
                md.append("> **Voice-over:** “").append(beat.narration()).append("”  \n");
            }
            if (beat.onScreenText() != null) {
                md.append("> **On screen:** “").append(beat.onScreenText()).append("”  \n");
            }
            if (beat.lyricLine() != null) {
                md.append("> **Lyrics:** ").append(beat.lyricLine()).append("  \n");
            }
            if (beat.keyMessageIndex() != null && input.brief() != null
                    && beat.keyMessageIndex() < input.brief().keyMessages().size()) {
                md.append("> **Key message ").append(beat.keyMessageIndex() + 1).append(":** ")
                        .append(input.brief().keyMessages().get(beat.keyMessageIndex())).append("  \n");
            }
            List<Shot> beatShots = shots.shotsOfBeat(beat.index());
            md.append("> **Shots:** ").append(String.join(", ", beatShots.stream()
                    .map(s -> s.id() + " " + s.shotType().label() + "/" + s.cameraMovement().label()).toList())).append("\n\n");
        }
    }

    private static void shotTable(StringBuilder md, ShotList shots, ProductionPlan plan) {
        md.append("## Shot list\n\n");
        md.append("| Shot | Time | Beat | Framing | Camera | Lens | Light | In | What we see | Made with | Cost |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---:|\n");
        for (int i = 0; i < shots.shots().size(); i++) {
            Shot shot = shots.shots().get(i);
            ShotProduction production = plan.shots().get(i);
            md.append(String.format(Locale.ROOT, "| %s | %s–%s | %d | %s | %s | %s | %s | %s | %s | %s + %s | $%s |%n",
                    shot.id(), clock(shot.startSeconds()), clock(shot.endSeconds()), shot.beatIndex(),
                    shot.shotType().label(), shot.cameraMovement().label(), shot.lens().label(), shot.lighting().label(),
                    shot.transitionIn().label(), cell(shot.description() + (shot.onScreenText() == null ? ""
                            : " Text: “" + shot.onScreenText() + "”")),
                    production.keyframe().toolId(), production.motion().toolId(), money(production.costUsd())));
        }
        md.append('\n');
    }

    private static void continuity(StringBuilder md, ContinuityAnchors anchors) {
        md.append("## Continuity anchors\n\n");
        md.append("- **Seed:** ").append(anchors.seed()).append('\n');
        if (anchors.subject() != null) {
            md.append("- **Subject:** ").append(anchors.subject()).append('\n');
        }
        if (!anchors.palette().isEmpty()) {
            md.append("- **Palette:** ").append(String.join(" ", anchors.palette().stream().map(c -> "`" + c + "`").toList()))
                    .append('\n');
        }
        if (!anchors.styleKeywords().isEmpty()) {
            md.append("- **Style:** ").append(String.join(", ", anchors.styleKeywords())).append('\n');
        }
        md.append('\n');
    }

    private static void costs(StringBuilder md, ProductionPlan plan) {
        md.append("## Cost estimate\n\n");
        md.append("| Tool | Calls | Billed | Cost |\n|---|---:|---:|---:|\n");
        for (Map.Entry<String, ToolTotal> entry : byTool(plan).entrySet()) {
            ToolTotal total = entry.getValue();
            md.append(String.format(Locale.ROOT, "| %s%s | %d | %s %s | $%s |%n", entry.getKey(),
                    total.verified ? "" : " (unverified price)", total.calls, number(total.quantity.doubleValue()),
                    total.unit + (total.quantity.compareTo(BigDecimal.ONE) == 0 ? "" : "s"), money(total.cost)));
        }
        for (CostLine line : plan.otherCosts()) {
            md.append(String.format(Locale.ROOT, "| %s (%s: %s) | 1 | | $%s |%n", line.toolId(), line.item(),
                    cell(line.note()), money(line.costUsd())));
        }
        md.append(String.format(Locale.ROOT, "| **Total** | | | **$%s** of $%s |%n%n", money(plan.totalCostUsd()),
                money(plan.budgetUsd())));
        md.append(String.format(Locale.ROOT, "Quality priority **%s**; about %s minutes to generate and render%s. "
                        + "Tool lifecycles checked on %s.%n%n", plan.qualityPriority().label(), number(plan.estimatedMinutes()),
                plan.deadlineMinutes() == null ? "" : " (deadline " + plan.deadlineMinutes() + " minutes)", plan.catalogDate()));
        if (!plan.degradations().isEmpty()) {
            md.append("### Degradations\n\n");
            for (String line : plan.degradations()) {
                md.append("- ").append(line).append('\n');
            }
            md.append('\n');
        }
        if (!plan.notes().isEmpty()) {
            md.append("### Notes\n\n");
            for (String note : plan.notes()) {
                md.append("- ").append(note).append('\n');
            }
            md.append('\n');
        }
        md.append("### Why these tools\n\n");
        for (ShotProduction shot : plan.shots()) {
            md.append("- **").append(shot.shotId()).append("** (").append(shot.importance().label()).append("): ")
                    .append(shot.reason());
            if (!shot.alternatives().isEmpty()) {
                md.append(" Next best: ").append(shot.alternatives().get(0).keyframeToolId()).append(" + ")
                        .append(shot.alternatives().get(0).motionToolId()).append(" (")
                        .append(shot.alternatives().get(0).note()).append(").");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void prompts(StringBuilder md, ShotList shots) {
        md.append("## Keyframe prompts\n\n<details>\n<summary>Every shot's prompt and negative prompt</summary>\n\n");
        for (Shot shot : shots.shots()) {
            md.append("**").append(shot.id()).append("**: ").append(shot.keyframePrompt()).append("\n\n");
            if (shot.negativePrompt() != null) {
                md.append("*Avoid:* ").append(shot.negativePrompt()).append("\n\n");
            }
        }
        md.append("</details>\n");
    }

    private static final class ToolTotal {
        int calls;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        String unit;
        boolean verified = true;
    }

    private static Map<String, ToolTotal> byTool(ProductionPlan plan) {
        Map<String, ToolTotal> totals = new LinkedHashMap<>();
        for (ShotProduction shot : plan.shots()) {
            for (ToolChoice choice : List.of(shot.keyframe(), shot.motion())) {
                ToolTotal total = totals.computeIfAbsent(choice.toolId(), id -> new ToolTotal());
                total.calls++;
                total.quantity = total.quantity.add(choice.quantity());
                total.cost = total.cost.add(choice.costUsd());
                total.unit = choice.unit();
                total.verified &= choice.priceVerified();
            }
        }
        return totals;
    }

    private static String kindLabel(PlanningInput input) {
        return switch (input.kind()) {
            case AD -> "Ad";
            case EXPLAINER -> "Explainer";
            case MUSIC_VIDEO -> "Music video";
        };
    }

    private static String title(String label) {
        String words = label.replace('-', ' ');
        return words.equals("cta") ? "Call to action" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** 75.25 s as {@code 1:15.3}. */
    static String clock(double seconds) {
        long tenths = Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Text safe inside a table cell: no pipes or line breaks, shortened. */
    private static String cell(String text) {
        String flat = text.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
        return flat.length() <= TABLE_TEXT ? flat : flat.substring(0, TABLE_TEXT - 1).stripTrailing() + "…";
    }
}
