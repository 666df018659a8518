package dev.reelsmith.agents.production;

import dev.reelsmith.agents.AgentConversation;
import dev.reelsmith.agents.AgentResult;
import dev.reelsmith.agents.Pacing;
import dev.reelsmith.agents.PlanningInput;
import dev.reelsmith.catalog.Tool;
import dev.reelsmith.catalog.ToolCatalog;
import dev.reelsmith.catalog.ToolStatus;
import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.CostLine;
import dev.reelsmith.domain.Json;
import dev.reelsmith.domain.PlanMode;
import dev.reelsmith.domain.ProductionPlan;
import dev.reelsmith.domain.ProviderPreferences;
import dev.reelsmith.domain.Script;
import dev.reelsmith.domain.Shot;
import dev.reelsmith.domain.ShotList;
import dev.reelsmith.domain.ShotProduction;
import dev.reelsmith.domain.ToolAlternative;
import dev.reelsmith.domain.ToolChoice;
import dev.reelsmith.domain.ToolKind;
import dev.reelsmith.providers.text.TextModel;
import dev.reelsmith.providers.text.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * The PlanProduction step's agent ("VideoSolver"): per shot, the keyframe tool and the motion tool from the
 * {@link ToolCatalog}, under the run's constraints, with cost and time estimates, a reason and ranked
 * alternatives.
 *
 * <p>The text model judges each shot ({@link ProductionIntent}: how much it matters, how much it needs real
 * motion); the arithmetic is done here, deterministically:
 * <ol>
 *   <li>Candidates: tools that are not EOL and not legacy past their retirement date (as of the planner's clock),
 *       whose provider the preferences permit, that generate the aspect ratio, and (for clips) make a clip at
 *       least as long as the shot. Each keyframe × motion pair is scored for the shot (catalog quality, strengths
 *       by shot type, whether Ken Burns can imitate the camera move, the intent's motion need).</li>
 *   <li>Preferred plan: with a zero budget, the free local tools (an animatic). Otherwise every shot gets a
 *       generated keyframe and, unless it needs no motion, a generated clip, picked by the quality priority:
 *       {@code cost} the cheapest, {@code quality} the best, {@code balanced} climbs from the cheapest while each
 *       upgrade buys at least {@value #BALANCED_POINTS_PER_DOLLAR_SECOND} quality points per dollar per second.</li>
 *   <li>Over budget: cheaper tools for the shots where quality per dollar suffers least (background before
 *       hero); then, only when the brief allows downgrades, Ken Burns motion over generated keyframes instead of
 *       clips, and finally storyboard frames. Leftover headroom is spent back towards the preferred choices. Every
 *       change is listed in the plan's degradations. If nothing fits: {@link BudgetExceededException} with the
 *       cheapest plan's breakdown.</li>
 *   <li>Over the deadline: faster tools within the budget, or {@link DeadlineExceededException}.</li>
 * </ol>
 */
public final class ProductionPlanner {
    /** Parallel generations the state machine's Map states run at once. */
    public static final int CONCURRENCY = 4;
    /** Balanced upgrades must buy at least this many quality points per extra dollar per second of shot. */
    public static final double BALANCED_POINTS_PER_DOLLAR_SECOND = 100;
    private static final int ALTERNATIVES = 3;

    private final TextModel model;
    private final ToolCatalog catalog;
    private final Clock clock;

    public ProductionPlanner(TextModel model, ToolCatalog catalog, Clock clock) {
        this.model = Objects.requireNonNull(model, "model");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Plans the production of {@code shots}.
     *
     * @param planningSoFar tokens and cost of the script and shot calls, charged to the budget with this call's
     * @throws BudgetExceededException  when even the cheapest acceptable plan costs more than the budget
     * @throws DeadlineExceededException when no plan within the budget meets the deadline
     * @throws NoEligibleToolException  when some shot cannot be made by any permitted, living tool
     */
    public AgentResult<ProductionPlan> plan(PlanningInput input, Script script, ShotList shots, TokenUsage planningSoFar) {
        AgentResult<ProductionIntent> intent = AgentConversation.ask(model, ProductionPrompts.request(input, script, shots),
                answer -> new AgentConversation.Review<>(answer, checkIntent(answer, shots)), IntentRejectedException::new);
        TokenUsage planning = planningSoFar.plus(intent.usage());
        ProductionPlan plan = new Solver(input, shots, intent.value(), planning).solve();
        return new AgentResult<>(plan, Json.mapper().valueToTree(plan), intent.usage(), intent.attempts());
    }

    static List<String> checkIntent(ProductionIntent intent, ShotList shots) {
        List<String> problems = new ArrayList<>();
        List<String> expected = shots.shots().stream().map(Shot::id).toList();
        List<String> given = intent.shots().stream().map(ShotIntent::shotId).toList();
        if (!given.equals(expected)) {
            Set<String> missing = new LinkedHashSet<>(expected);
            given.forEach(missing::remove);
            Set<String> seen = new HashSet<>();
            Set<String> repeated = new LinkedHashSet<>();
            for (String id : given) {
                if (!seen.add(id)) {
                    repeated.add(id);
                }
            }
            Set<String> unknown = new LinkedHashSet<>(given);
            expected.forEach(unknown::remove);
            if (!missing.isEmpty()) {
                problems.add("shots must list every shot; missing " + String.join(", ", missing));
            }
            if (!repeated.isEmpty()) {
                problems.add("shots must list each shot once; repeated " + String.join(", ", repeated));
            }
            if (!unknown.isEmpty()) {
                problems.add("shots lists unknown shot ids " + String.join(", ", unknown));
            }
            if (missing.isEmpty() && repeated.isEmpty() && unknown.isEmpty()) {
                problems.add("shots must be in shot order " + String.join(", ", expected));
            }
        }
        return problems;
    }

    /** One shot's planning state. */
    private static final class ShotCase {
        final Shot shot;
        final ShotIntent intent;
        final List<ToolOption> options;
        /** Paid keyframe and, unless the shot needs no motion, a generated clip. */
        final List<ToolOption> generated;
        ToolOption preferred;
        ToolOption chosen;
        String cause;

        ShotCase(Shot shot, ShotIntent intent, List<ToolOption> options, List<ToolOption> generated) {
            this.shot = shot;
            this.intent = intent;
            this.options = options;
            this.generated = generated;
        }

        double weight() {
            return intent.importance().weight();
        }
    }

    /** One planning pass over one run; not reused. */
    private final class Solver {
        private final PlanningInput input;
        private final ShotList shots;
        private final TokenUsage planning;
        private final LocalDate today = LocalDate.now(clock);
        private final ProviderPreferences preferences;
        private final AspectRatio aspect;
        private final BigDecimal budget;
        private final List<CostLine> otherCosts = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<ShotCase> cases = new ArrayList<>();
        private final List<Tool> images;
        private final List<Tool> videos;

        Solver(PlanningInput input, ShotList shots, ProductionIntent intent, TokenUsage planning) {
            this.input = input;
            this.shots = shots;
            this.planning = planning;
            this.preferences = input.preferences();
            this.aspect = input.aspectRatio();
            this.budget = input.budgetUsd();
            this.images = eligible(ToolKind.IMAGE);
            this.videos = eligible(ToolKind.VIDEO);
            for (int i = 0; i < shots.shots().size(); i++) {
                Shot shot = shots.shots().get(i);
                ShotIntent shotIntent = intent.shots().get(i);
                List<ToolOption> options = options(shot, shotIntent);
                List<ToolOption> generated = options.stream().filter(o -> !o.image().isLocal()
                        && (o.generatedClip() || shotIntent.motion() == MotionNeed.NONE)).toList();
                cases.add(new ShotCase(shot, shotIntent, options, generated));
            }
        }

        private List<Tool> eligible(ToolKind kind) {
            return catalog.tools().stream().filter(t -> t.kind() == kind && t.usableOn(today)
                    && preferences.permits(t.provider()) && t.supports(aspect)).toList();
        }

        ProductionPlan solve() {
            addOtherCosts();
            boolean animatic = budget.signum() == 0;
            for (ShotCase c : cases) {
                List<ToolOption> pool = animatic ? free(c) : c.generated.isEmpty() ? c.options : c.generated;
                if (pool.isEmpty()) {
                    throw new BudgetExceededException("the budget is 0 USD (free local tools only), but no free tool "
                            + "may make shot " + c.shot.id(), breakdown(cheapest(c2 -> c2.options)));
                }
                c.preferred = preferred(c, pool);
                c.chosen = c.preferred;
            }
            BigDecimal preferredTotal = total();
            List<String> degradations = new ArrayList<>();
            if (animatic && total().compareTo(budget) > 0) {
                throw new BudgetExceededException("the budget is 0 USD, but the planning calls alone cost $"
                        + money(planning.costUsd()), breakdown(cases.stream().map(c -> c.chosen).toList()));
            }
            if (total().compareTo(budget) > 0) {
                fitBudget(degradations, preferredTotal);
            }
            meetDeadline();
            degradations.addAll(changes());
            List<ShotProduction> productions = new ArrayList<>();
            for (ShotCase c : cases) {
                productions.add(production(c));
            }
            addNotes(animatic);
            return new ProductionPlan(input.title(), input.kind(), aspect, preferences.qualityPriority(), budget, total(),
                    round(minutes(), 1), input.deadlineMinutes(), today.toString(), mode(), productions, otherCosts,
                    degradations, notes);
        }

        // ---- options and scores ----------------------------------------------------------------------------

        private List<ToolOption> options(Shot shot, ShotIntent intent) {
            List<ToolOption> options = new ArrayList<>();
            for (Tool video : videos) {
                OptionalDouble billed = video.durations().billedSeconds(shot.durationSeconds());
                if (billed.isEmpty()) {
                    continue;
                }
                // Ken Burns renders exactly the shot; vendors bill their clip lengths
                double clipSeconds = video.isLocal() ? Pacing.millis(shot.durationSeconds()) : billed.getAsDouble();
                for (Tool image : images) {
                    if (image.isLocal() && !video.isLocal()) {
                        // a paid clip animating a storyboard sketch would be money spent on a placeholder
                        continue;
                    }
                    BigDecimal cost = image.price().usd().add(video.price().usd().multiply(BigDecimal.valueOf(clipSeconds)));
                    double seconds = image.typicalLatencySeconds() + video.typicalLatencySeconds();
                    options.add(new ToolOption(image, video, clipSeconds, cost, seconds, score(shot, intent, image, video)));
                }
            }
            if (options.isEmpty()) {
                throw new NoEligibleToolException(shot.id(), whyNone(shot));
            }
            return options;
        }

        private double score(Shot shot, ShotIntent intent, Tool image, Tool video) {
            double imageQuality = image.qualityScore() + image.strengthFor(shot.shotType()) - lifecyclePenalty(image)
                    - (image.maxPromptChars() != null && shot.keyframePrompt().length() > image.maxPromptChars() ? 3 : 0);
            double videoQuality = video.qualityScore() + video.strengthFor(shot.shotType()) - lifecyclePenalty(video);
            double motion;
            if (video.isLocal()) {
                boolean imitates = video.renders(shot.cameraMovement());
                motion = switch (intent.motion()) {
                    case NONE -> imageQuality;
                    case OPTIONAL -> imitates ? 0.6 * imageQuality + 0.4 * videoQuality : videoQuality - 10;
                    case ESSENTIAL -> videoQuality - (imitates ? 0 : 10);
                };
            } else {
                motion = intent.motion() == MotionNeed.NONE ? Math.min(videoQuality, imageQuality) : videoQuality;
            }
            return Math.max(0, Math.min(150, 0.4 * imageQuality + 0.6 * motion));
        }

        private double lifecyclePenalty(Tool tool) {
            return tool.status() == ToolStatus.LEGACY ? 5 : 0;
        }

        private List<String> whyNone(Shot shot) {
            List<String> reasons = new ArrayList<>();
            for (ToolKind kind : List.of(ToolKind.IMAGE, ToolKind.VIDEO)) {
                List<Tool> all = catalog.tools().stream().filter(t -> t.kind() == kind).toList();
                long retired = all.stream().filter(t -> !t.usableOn(today)).count();
                long blocked = all.stream().filter(t -> t.usableOn(today) && !preferences.permits(t.provider())).count();
                long shape = all.stream().filter(t -> t.usableOn(today) && preferences.permits(t.provider())
                        && !t.supports(aspect)).count();
                long length = kind == ToolKind.VIDEO ? all.stream().filter(t -> t.usableOn(today)
                        && preferences.permits(t.provider()) && t.supports(aspect)
                        && t.durations().billedSeconds(shot.durationSeconds()).isEmpty()).count() : 0;
                reasons.add(String.format(Locale.ROOT, "%s tools: %d retired, %d blocked by providerPreferences, %d cannot "
                                + "make %s%s", kind.label(), retired, blocked, shape, aspect.label(),
                        kind == ToolKind.VIDEO ? ", " + length + " cannot make a " + round(shot.durationSeconds(), 2)
                                + " s clip" : ""));
            }
            return reasons;
        }

        private List<ToolOption> free(ShotCase c) {
            return c.options.stream().filter(o -> o.cost().signum() == 0).toList();
        }

        // ---- choosing ----------------------------------------------------------------------------------------

        private ToolOption preferred(ShotCase c, List<ToolOption> pool) {
            Comparator<ToolOption> cheapestFirst = Comparator.comparing(ToolOption::cost)
                    .thenComparing(Comparator.comparingDouble(ToolOption::score).reversed())
                    .thenComparing(ToolOption::tools);
            return switch (preferences.qualityPriority()) {
                case COST -> pool.stream().min(cheapestFirst).orElseThrow();
                case QUALITY -> pool.stream().min(Comparator.comparingDouble(ToolOption::score).reversed()
                        .thenComparing(ToolOption::cost).thenComparing(ToolOption::tools)).orElseThrow();
                case BALANCED -> {
                    List<ToolOption> frontier = frontier(pool);
                    ToolOption at = frontier.get(0);
                    for (ToolOption next : frontier.subList(1, frontier.size())) {
                        double extraPerSecond = next.cost().subtract(at.cost()).doubleValue() / c.shot.durationSeconds();
                        // hero shots are worth paying more for, background shots less
                        if (c.weight() * (next.score() - at.score()) >= BALANCED_POINTS_PER_DOLLAR_SECOND * extraPerSecond) {
                            at = next;
                        }
                    }
                    yield at;
                }
            };
        }

        /** The options no other option beats on both cost and score, cheapest first. */
        private List<ToolOption> frontier(List<ToolOption> pool) {
            List<ToolOption> sorted = new ArrayList<>(pool);
            sorted.sort(Comparator.comparing(ToolOption::cost)
                    .thenComparing(Comparator.comparingDouble(ToolOption::score).reversed())
                    .thenComparing(ToolOption::tools));
            List<ToolOption> frontier = new ArrayList<>();
            for (ToolOption option : sorted) {
                if (frontier.isEmpty() || option.score() > frontier.get(frontier.size() - 1).score() + 1e-9) {
                    frontier.add(option);
                }
            }
            return frontier;
        }

        private void fitBudget(List<String> degradations, BigDecimal preferredTotal) {
            downTo(budget, c -> c.generated.isEmpty() ? c.options : c.generated, "budget");
            if (total().compareTo(budget) > 0) {
                if (!preferences.allowDowngrade()) {
                    throw new BudgetExceededException("the cheapest plan that generates every shot costs more than the "
                            + "budget; raise budgetUsd or set providerPreferences.allowDowngrade to let Reelsmith replace "
                            + "generated clips with Ken Burns motion over keyframes",
                            breakdown(cheapest(c -> c.generated.isEmpty() ? c.options : c.generated)));
                }
                downTo(budget, c -> c.options, "budget");
                if (total().compareTo(budget) > 0) {
                    throw new BudgetExceededException("even the cheapest plan the permitted tools allow costs more than "
                            + "the budget", breakdown(cheapest(c -> c.options)));
                }
            }
            upWithin(budget);
            degradations.add(String.format(Locale.ROOT, "The preferred plan cost $%s, over the $%s budget: %d of %d shots "
                            + "use cheaper tools or Ken Burns motion instead (listed below).", money(preferredTotal),
                    money(budget), changed(), cases.size()));
        }

        /** Greedy: the cheaper option with the least weighted quality lost per dollar saved, until under the limit. */
        private void downTo(BigDecimal limit, Function<ShotCase, List<ToolOption>> pools, String cause) {
            while (total().compareTo(limit) > 0) {
                ShotCase bestCase = null;
                ToolOption best = null;
                double bestRatio = Double.POSITIVE_INFINITY;
                for (ShotCase c : cases) {
                    for (ToolOption option : frontier(pools.apply(c))) {
                        BigDecimal saved = c.chosen.cost().subtract(option.cost());
                        if (saved.signum() <= 0) {
                            continue;
                        }
                        double ratio = c.weight() * (c.chosen.score() - option.score()) / saved.doubleValue();
                        if (ratio < bestRatio - 1e-12 || (Math.abs(ratio - bestRatio) <= 1e-12 && best != null
                                && saved.compareTo(bestCase.chosen.cost().subtract(best.cost())) > 0)) {
                            bestRatio = ratio;
                            bestCase = c;
                            best = option;
                        }
                    }
                }
                if (best == null) {
                    return;
                }
                bestCase.chosen = best;
                bestCase.cause = cause;
            }
        }

        /** Spends headroom back towards the preferred options, best quality per dollar first, never above them. */
        private void upWithin(BigDecimal limit) {
            while (true) {
                BigDecimal headroom = limit.subtract(total());
                ShotCase bestCase = null;
                ToolOption best = null;
                double bestRatio = 0;
                for (ShotCase c : cases) {
                    if (c.chosen == c.preferred) {
                        continue;
                    }
                    for (ToolOption option : frontier(c.options)) {
                        BigDecimal extra = option.cost().subtract(c.chosen.cost());
                        double gain = c.weight() * (option.score() - c.chosen.score());
                        if (extra.signum() <= 0 || gain <= 0 || extra.compareTo(headroom) > 0
                                || option.score() > c.preferred.score() + 1e-9
                                || option.cost().compareTo(c.preferred.cost()) > 0) {
                            continue;
                        }
                        double ratio = gain / extra.doubleValue();
                        if (ratio > bestRatio) {
                            bestRatio = ratio;
                            bestCase = c;
                            best = option;
                        }
                    }
                }
                if (best == null) {
                    return;
                }
                bestCase.chosen = best;
            }
        }

        private void meetDeadline() {
            Integer deadline = input.deadlineMinutes();
            if (deadline == null || minutes() <= deadline) {
                return;
            }
            while (minutes() > deadline) {
                ShotCase bestCase = null;
                ToolOption best = null;
                double bestRatio = Double.POSITIVE_INFINITY;
                for (ShotCase c : cases) {
                    List<ToolOption> pool = preferences.allowDowngrade() || c.generated.isEmpty() ? c.options : c.generated;
                    for (ToolOption option : pool) {
                        double saved = c.chosen.seconds() - option.seconds();
                        BigDecimal after = total().subtract(c.chosen.cost()).add(option.cost());
                        if (saved <= 0 || after.compareTo(budget) > 0) {
                            continue;
                        }
                        double ratio = c.weight() * (c.chosen.score() - option.score()) / saved;
                        if (ratio < bestRatio) {
                            bestRatio = ratio;
                            bestCase = c;
                            best = option;
                        }
                    }
                }
                if (best == null) {
                    throw new DeadlineExceededException(breakdown(cases.stream().map(c -> c.chosen).toList()));
                }
                bestCase.chosen = best;
                bestCase.cause = "deadline";
            }
        }

        private int changed() {
            return (int) cases.stream().filter(c -> c.chosen != c.preferred).count();
        }

        private List<String> changes() {
            List<String> changes = new ArrayList<>();
            for (ShotCase c : cases) {
                ToolOption from = c.preferred;
                ToolOption to = c.chosen;
                if (from == to) {
                    continue;
                }
                String why = "deadline".equals(c.cause) ? "to meet the " + input.deadlineMinutes() + "-minute deadline"
                        : "to fit the budget";
                BigDecimal saved = from.cost().subtract(to.cost());
                String money = saved.signum() > 0 ? ", saves $" + money(saved) : "";
                String what;
                if (from.generatedClip() && !to.generatedClip()) {
                    what = "Ken Burns " + c.shot.cameraMovement().label() + " over the keyframe instead of a "
                            + from.video().id() + " clip";
                } else if (!from.image().isLocal() && to.image().isLocal()) {
                    what = "a storyboard frame instead of a " + from.image().id() + " keyframe";
                } else {
                    what = to.tools() + " instead of " + from.tools();
                }
                changes.add(c.shot.id() + ": " + what + " " + why + money);
            }
            return changes;
        }

        // ---- totals and time ------------------------------------------------------------------------------------

        private BigDecimal total() {
            BigDecimal sum = BigDecimal.ZERO;
            for (ShotCase c : cases) {
                sum = sum.add(c.chosen.cost());
            }
            for (CostLine line : otherCosts) {
                sum = sum.add(line.costUsd());
            }
            return sum;
        }

        private double minutes() {
            return minutes(cases.stream().map(c -> c.chosen).toList());
        }

        /** Keyframes then clips, each a Map with bounded concurrency, then one render pass at about real time. */
        private double minutes(List<ToolOption> chosen) {
            double imageSum = 0;
            double imageMax = 0;
            double videoSum = 0;
            double videoMax = 0;
            for (ToolOption option : chosen) {
                imageSum += option.image().typicalLatencySeconds();
                imageMax = Math.max(imageMax, option.image().typicalLatencySeconds());
                videoSum += option.video().typicalLatencySeconds();
                videoMax = Math.max(videoMax, option.video().typicalLatencySeconds());
            }
            double seconds = Math.max(imageMax, imageSum / CONCURRENCY) + Math.max(videoMax, videoSum / CONCURRENCY)
                    + 30 + shots.durationSeconds();
            return seconds / 60;
        }

        private List<ToolOption> cheapest(Function<ShotCase, List<ToolOption>> pools) {
            List<ToolOption> cheapest = new ArrayList<>();
            for (ShotCase c : cases) {
                List<ToolOption> pool = pools.apply(c);
                cheapest.add(pool.stream().min(Comparator.comparing(ToolOption::cost)
                        .thenComparing(Comparator.comparingDouble(ToolOption::score).reversed())).orElseThrow());
            }
            return cheapest;
        }

        private CostBreakdown breakdown(List<ToolOption> chosen) {
            List<CostBreakdown.Line> lines = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < cases.size(); i++) {
                ToolOption option = chosen.get(i);
                lines.add(new CostBreakdown.Line(cases.get(i).shot.id(), option.tools(), option.cost(), option.seconds()));
                sum = sum.add(option.cost());
            }
            for (CostLine line : otherCosts) {
                lines.add(new CostBreakdown.Line(line.item(), line.toolId(), line.costUsd(), 0));
                sum = sum.add(line.costUsd());
            }
            return new CostBreakdown(budget, sum, input.deadlineMinutes(), round(minutes(chosen), 1), lines);
        }

        // ---- the plan's parts ------------------------------------------------------------------------------------

        private void addOtherCosts() {
            if (input.song() == null) {
                List<Tool> music = catalog.tools().stream().filter(t -> t.kind() == ToolKind.MUSIC && t.usableOn(today)
                        && preferences.permits(t.provider())
                        && t.durations().billedSeconds(shots.durationSeconds()).isPresent()).toList();
                Tool bed = music.stream().min(Comparator.comparing((Tool t) -> t.price().usd())
                        .thenComparing(Comparator.comparingInt(Tool::qualityScore).reversed())).orElse(null);
                if (bed == null) {
                    notes.add("No permitted music tool can make a " + round(shots.durationSeconds(), 1)
                            + " s soundtrack; the video will be silent unless music is supplied.");
                } else {
                    double seconds = bed.durations().billedSeconds(shots.durationSeconds()).getAsDouble();
                    String genre = input.brief().music() == null ? "a soundtrack chosen for the tone"
                            : input.brief().music().genre() + (input.brief().music().tempoBpm() == null ? ""
                            : " at " + input.brief().music().tempoBpm() + " bpm");
                    otherCosts.add(new CostLine("soundtrack", bed.id(),
                            bed.price().usd().multiply(BigDecimal.valueOf(seconds)),
                            String.format(Locale.ROOT, "%s, %.1f s", genre, seconds)));
                }
            }
            String textTool = catalog.tools().stream().filter(t -> t.kind() == ToolKind.TEXT
                            && t.provider().equals(model.providerId()) && t.model().equals(model.modelId()))
                    .map(Tool::id).findFirst().orElse(cut(model.providerId() + "/" + model.modelId(), 80));
            otherCosts.add(new CostLine("planning", textTool, planning.costUsd(), String.format(Locale.ROOT,
                    "script, shots and production intent: %,d input and %,d output tokens", planning.inputTokens(),
                    planning.outputTokens())));
        }

        private ShotProduction production(ShotCase c) {
            ToolOption o = c.chosen;
            ToolChoice keyframe = new ToolChoice(o.image().id(), o.image().provider(), o.image().model(), ToolKind.IMAGE,
                    BigDecimal.ONE, "image", o.image().price().usd(), o.image().price().usd(), o.image().typicalLatencySeconds(),
                    o.image().price().verified());
            BigDecimal seconds = BigDecimal.valueOf(o.billedSeconds()).stripTrailingZeros();
            seconds = seconds.scale() < 0 ? seconds.setScale(0) : seconds;
            ToolChoice motion = new ToolChoice(o.video().id(), o.video().provider(), o.video().model(), ToolKind.VIDEO,
                    seconds, "second", o.video().price().usd(), o.video().price().usd().multiply(seconds),
                    o.video().typicalLatencySeconds(), o.video().price().verified());
            return new ShotProduction(c.shot.id(), c.shot.index(), c.shot.durationSeconds(), c.intent.importance(),
                    keyframe, motion, keyframe.costUsd().add(motion.costUsd()), o.seconds(), reason(c), alternatives(c));
        }

        private String reason(ShotCase c) {
            ToolOption o = c.chosen;
            StringBuilder text = new StringBuilder();
            text.append(capitalise(c.intent.importance().label())).append(" shot, motion ").append(c.intent.motion().label())
                    .append(" (").append(stripDot(c.intent.reason())).append("). ");
            if (o.video().isLocal()) {
                text.append(o.video().renders(c.shot.cameraMovement())
                        ? "Ken Burns " + c.shot.cameraMovement().label() + " over "
                        : "Ken Burns motion standing in for the " + c.shot.cameraMovement().label() + " over ");
            } else {
                text.append(String.format(Locale.ROOT, "%s clip (%s s billed at $%s/s, quality %d%s) from ",
                        label(o.video()), plain(o.billedSeconds()), price(o.video().price().usd()),
                        o.video().qualityScore(), strength(o.video(), c.shot)));
            }
            if (o.image().isLocal()) {
                text.append("a storyboard frame. ");
            } else {
                text.append(String.format(Locale.ROOT, "a %s keyframe ($%s, quality %d%s). ", label(o.image()),
                        price(o.image().price().usd()), o.image().qualityScore(), strength(o.image(), c.shot)));
            }
            if (budget.signum() == 0) {
                text.append("Budget 0 USD: free local tools only.");
            } else if (c.chosen != c.preferred) {
                text.append("Downgraded from ").append(c.preferred.tools()).append(' ')
                        .append("deadline".equals(c.cause) ? "to meet the deadline." : "to fit the budget.");
            } else if (c.intent.motion() == MotionNeed.NONE && !o.generatedClip()) {
                text.append("A still needs no generated clip.");
            } else {
                text.append(switch (preferences.qualityPriority()) {
                    case COST -> "The cheapest way to generate it.";
                    case QUALITY -> "The best quality the budget allows.";
                    case BALANCED -> "The best quality per dollar.";
                });
            }
            return cut(text.toString(), 600);
        }

        private List<ToolAlternative> alternatives(ShotCase c) {
            Comparator<ToolOption> rank = switch (preferences.qualityPriority()) {
                case COST -> Comparator.comparing(ToolOption::cost)
                        .thenComparing(Comparator.comparingDouble(ToolOption::score).reversed());
                case QUALITY -> Comparator.comparingDouble(ToolOption::score).reversed().thenComparing(ToolOption::cost);
                case BALANCED -> Comparator.comparingDouble((ToolOption o) -> -(o.score()
                        - BALANCED_POINTS_PER_DOLLAR_SECOND * o.cost().doubleValue() / c.shot.durationSeconds()));
            };
            List<ToolOption> ranked = new ArrayList<>(frontier(c.options));
            ranked.remove(c.chosen);
            ranked.sort(rank.thenComparing(ToolOption::tools));
            BigDecimal others = total().subtract(c.chosen.cost());
            List<ToolAlternative> alternatives = new ArrayList<>();
            for (ToolOption option : ranked.subList(0, Math.min(ALTERNATIVES, ranked.size()))) {
                BigDecimal delta = option.cost().subtract(c.chosen.cost());
                double quality = option.score() - c.chosen.score();
                String note = String.format(Locale.ROOT, "%s, %s quality%s", delta.signum() == 0 ? "same cost"
                                : (delta.signum() > 0 ? "$" + money(delta) + " more" : "$" + money(delta.negate()) + " less"),
                        (quality >= 0 ? "+" : "") + plain(round(quality, 1)),
                        others.add(option.cost()).compareTo(budget) > 0 ? "; would exceed the budget" : "");
                alternatives.add(new ToolAlternative(option.image().id(), option.video().id(), option.cost(),
                        option.seconds(), round(option.score(), 1), note));
            }
            return alternatives;
        }

        private PlanMode mode() {
            if (cases.stream().allMatch(c -> c.chosen.local())) {
                return PlanMode.ANIMATIC;
            }
            boolean everyMotionGenerated = cases.stream().allMatch(c -> !c.chosen.image().isLocal()
                    && (c.chosen.generatedClip() || c.intent.motion() == MotionNeed.NONE));
            return everyMotionGenerated ? PlanMode.GENERATED : PlanMode.MIXED;
        }

        private void addNotes(boolean animatic) {
            if (animatic) {
                notes.add("Budget 0 USD: an animatic made by the free local tools (storyboard frames with Ken Burns "
                        + "motion, synthesised music). Raise budgetUsd to generate keyframes and clips.");
            }
            if (input.song() != null) {
                notes.add("The song is the soundtrack; cuts fall on its detected beats.");
            }
            Set<String> unverified = new LinkedHashSet<>();
            Set<String> legacy = new LinkedHashSet<>();
            for (ShotCase c : cases) {
                for (Tool tool : List.of(c.chosen.image(), c.chosen.video())) {
                    if (!tool.price().verified() && !tool.price().isFree()) {
                        unverified.add(tool.id());
                    }
                    if (tool.status() == ToolStatus.LEGACY) {
                        legacy.add(tool.id() + " (retires " + tool.retiresOn() + ")");
                    }
                }
            }
            if (!unverified.isEmpty()) {
                notes.add("Unverified prices (see each tool's price source in the catalog): " + String.join(", ", unverified)
                        + ". The estimate may be off; spending is still enforced per call.");
            }
            if (!legacy.isEmpty()) {
                notes.add("Legacy tools planned before their retirement: " + String.join(", ", legacy) + ".");
            }
            long retired = catalog.tools().stream().filter(t -> !t.usableOn(today)).count();
            if (retired > 0) {
                notes.add(String.format(Locale.ROOT, "%d catalog tools were not considered because they are end of life or "
                        + "past their retirement date on %s.", retired, today));
            }
        }
    }

    private static String label(Tool tool) {
        return tool.model() + (tool.tier() == null ? "" : " " + tool.tier());
    }

    private static String strength(Tool tool, Shot shot) {
        int strength = tool.strengthFor(shot.shotType());
        return strength > 0 ? ", strong at " + shot.shotType().label() + " shots" : "";
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String stripDot(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A unit price with at least two decimals: 0.2 as 0.20, 0.0404 as 0.0404. */
    private static String price(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped).toPlainString();
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(round(value, 3));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
