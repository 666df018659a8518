package dev.reelsmith.catalog;

import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.ShotType;
import dev.reelsmith.domain.ToolKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One generation tool in the {@link ToolCatalog}: a vendor's model at one price tier, with what it can make,
 * what it costs, how long it takes and how good it is. Quality scores and latencies are the catalog's
 * estimates (to be replaced by measured values); prices name their source.
 *
 * @param id                    stable catalog id, e.g. {@code runway-gen4-turbo}
 * @param provider              provider id as briefs name it in {@code providerPreferences}, e.g. {@code runway}
 * @param model                 the vendor's model id, e.g. {@code gen4_turbo}
 * @param tier                  the price tier within the model (a resolution or quality level), or null
 * @param kind                  image, video, music or text
 * @param status                active, legacy or eol
 * @param retiresOn             {@code YYYY-MM-DD} when a legacy or eol tool stops (stopped) working; null for active
 * @param price                 what one unit costs and where the figure comes from
 * @param aspectRatios          aspect ratios the tool generates natively, e.g. {@code 16:9}
 * @param resolutions           output sizes or resolution names, e.g. {@code 1280x720} or {@code 720p}
 * @param durations             clip lengths (video and music tools); null for images and text
 * @param maxPromptChars        longest prompt accepted, or null when the vendor states no limit
 * @param typicalLatencySeconds wall time of one call (one image or one clip), an estimate
 * @param qualityScore          0-100, the catalog's judgement of output quality
 * @param strengths             quality adjustment (-20..20) by shot type label, e.g. {@code "aerial": 6}
 * @param cameraMovements       the camera moves the tool renders convincingly (labels); null means all
 * @param notes                 anything a planner or a person should know, or null
 */
public record Tool(String id, String provider, String model, String tier, ToolKind kind, ToolStatus status,
                   String retiresOn, Price price, List<String> aspectRatios, List<String> resolutions,
                   ClipDurations durations, Integer maxPromptChars, double typicalLatencySeconds, int qualityScore,
                   Map<String, Integer> strengths, List<String> cameraMovements, String notes) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public Tool {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("tool id must be 1-80 lowercase letters, digits, '.', '_' or '-', was " + id);
        }
        String at = "tool " + id + ": ";
        if (provider == null || !PROVIDER.matcher(provider).matches()) {
            throw new IllegalArgumentException(at + "provider must be a provider id (lowercase letters, digits and hyphens), was "
                    + provider);
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException(at + "model is required");
        }
        if (kind == null || status == null || price == null) {
            throw new IllegalArgumentException(at + "kind, status and price are required");
        }
        if (status != ToolStatus.ACTIVE && retiresOn == null) {
            throw new IllegalArgumentException(at + "retiresOn is required when status is " + status.label());
        }
        if (retiresOn != null) {
            try {
                LocalDate.parse(retiresOn);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(at + "retiresOn must be a date as YYYY-MM-DD, was " + retiresOn, e);
            }
        }
        String expectedUnit = switch (kind) {
            case IMAGE -> Price.IMAGE;
            case VIDEO, MUSIC -> Price.SECOND;
            case TEXT -> Price.THOUSAND_TOKENS;
        };
        if (!expectedUnit.equals(price.unit())) {
            throw new IllegalArgumentException(at + "a " + kind.label() + " tool is priced per " + expectedUnit
                    + ", was per " + price.unit());
        }
        aspectRatios = aspectRatios == null ? List.of() : List.copyOf(aspectRatios);
        resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
        if ((kind == ToolKind.IMAGE || kind == ToolKind.VIDEO) && aspectRatios.isEmpty()) {
            throw new IllegalArgumentException(at + "aspectRatios must not be empty for an " + kind.label() + " tool");
        }
        if ((kind == ToolKind.VIDEO || kind == ToolKind.MUSIC) != (durations != null)) {
            throw new IllegalArgumentException(at + "durations must be given exactly for video and music tools");
        }
        if (maxPromptChars != null && maxPromptChars < 1) {
            throw new IllegalArgumentException(at + "maxPromptChars must be >= 1, was " + maxPromptChars);
        }
        if (!(typicalLatencySeconds > 0 && typicalLatencySeconds <= 86_400)) {
            throw new IllegalArgumentException(at + "typicalLatencySeconds must be between 0 and 86400, was "
                    + typicalLatencySeconds);
        }
        if (qualityScore < 0 || qualityScore > 100) {
            throw new IllegalArgumentException(at + "qualityScore must be between 0 and 100, was " + qualityScore);
        }
        strengths = strengths == null ? Map.of() : Map.copyOf(strengths);
        for (Map.Entry<String, Integer> strength : strengths.entrySet()) {
            ShotType.fromLabel(strength.getKey());
            if (strength.getValue() == null || strength.getValue() < -20 || strength.getValue() > 20) {
                throw new IllegalArgumentException(at + "strengths." + strength.getKey() + " must be between -20 and 20, was "
                        + strength.getValue());
            }
        }
        if (cameraMovements != null) {
            cameraMovements = List.copyOf(cameraMovements);
            cameraMovements.forEach(CameraMovement::fromLabel);
        }
    }

    /** Whether the tool may be planned on {@code day}: not EOL, and not legacy on or after its retirement date. */
    public boolean usableOn(LocalDate day) {
        if (status == ToolStatus.EOL) {
            return false;
        }
        return retiresOn == null || day.isBefore(LocalDate.parse(retiresOn));
    }

    /** Whether the tool generates {@code ratio} natively. */
    public boolean supports(AspectRatio ratio) {
        return aspectRatios.contains(ratio.label());
    }

    /** The quality adjustment for a shot type, 0 when the catalog says nothing. */
    public int strengthFor(ShotType type) {
        return strengths.getOrDefault(type.label(), 0);
    }

    /** Whether the tool renders {@code move} convincingly. */
    public boolean renders(CameraMovement move) {
        return cameraMovements == null || cameraMovements.contains(move.label());
    }

    /** True for the free tools that run inside Reelsmith. */
    public boolean isLocal() {
        return "local".equals(provider);
    }
}
