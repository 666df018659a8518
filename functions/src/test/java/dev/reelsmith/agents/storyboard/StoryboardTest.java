package dev.reelsmith.agents.storyboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelsmith.agents.CreativePlanner;
import dev.reelsmith.agents.Fixtures;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.agents.PlanningOutcome;
import dev.reelsmith.catalog.ToolCatalog;
import dev.reelsmith.providers.text.local.LocalTextModel;
import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StoryboardTest {
    private static PlanningOutcome.Planned plan(PlanningInput input) {
        return (PlanningOutcome.Planned) new CreativePlanner(new LocalTextModel(), ToolCatalog.builtIn(),
                Fixtures.CATALOG_DAY).plan(input);
    }

    @Test
    void markdown_shouldTellTheStoryBeatByBeatWithATableRowPerShot_whenThePlanIsAnAd() {
        // given
        PlanningInput input = Fixtures.briefInput("sneaker-ad");
        PlanningOutcome.Planned planned = plan(input);

        // when
        String md = Storyboard.markdown(input, planned.script(), planned.shots(), planned.plan());

        // then
        assertThat(md).startsWith("# Stride One launch, 15 s vertical\n\nAd · 0:15.0 · 9:16 · 7 beats · 7 shots");
        assertThat(md).contains("### 0:00.0–0:01.9 · Hook · adrenaline", "> **Voice-over:** “Still running on tired legs?”",
                "> **Key message 1:** Rebound foam that gives energy back with every stride", "### Why these tools",
                "- **Style:** dynamic sports commercial", "<summary>Every shot's prompt and negative prompt</summary>");
        long rows = Arrays.stream(md.split("\n")).filter(line -> line.matches("\\| s\\d\\d \\|.*")).count();
        assertThat(rows).isEqualTo(planned.shots().shots().size());
        assertThat(Arrays.stream(md.split("\n")).filter(line -> line.startsWith("| s0")))
                .allSatisfy(row -> assertThat(row.split("(?<!\\\\)\\|")).hasSize(12));
    }

    @Test
    void markdown_shouldShowSectionsAndLyrics_whenThePlanIsAMusicVideo() {
        // given
        PlanningInput input = Fixtures.demoSongInput(BigDecimal.ZERO);
        PlanningOutcome.Planned planned = plan(input);

        // when
        String md = Storyboard.markdown(input, planned.script(), planned.shots(), planned.plan());

        // then
        assertThat(md).startsWith("# Neon Tide — Reelsmith Demo\n\nMusic video · 0:44.0 · 16:9 · 6 beats");
        assertThat(md).contains("· Chorus (chorus 1) · euphoria", "> **Lyrics:** City lights come rolling in like waves",
                "animatic", "The song is the soundtrack");
    }

    @Test
    void costSummary_shouldTotalEachTool_whenPrinted() {
        // given
        PlanningOutcome.Planned planned = plan(Fixtures.briefInput("coffee-ad-30s"));

        // when
        String summary = Storyboard.costSummary(planned.plan());

        // then
        assertThat(summary).startsWith("Estimated cost $" + planned.plan().totalCostUsd().setScale(2,
                java.math.RoundingMode.HALF_UP).toPlainString() + " of $40.00 budget");
        assertThat(summary).contains("local-synth", "soundtrack", "planning");
    }

    @Test
    void clock_shouldPrintMinutesSecondsAndTenths_whenFormattingTimes() {
        // when / then
        assertThat(Storyboard.clock(0)).isEqualTo("0:00.0");
        assertThat(Storyboard.clock(75.25)).isEqualTo("1:15.3");
        assertThat(Storyboard.clock(599.96)).isEqualTo("10:00.0");
    }
}
