package dev.reelsmith.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a tool stands in its vendor's lifecycle. */
public enum ToolStatus {
    /** Offered and supported. */
    ACTIVE,
    /** Still callable but announced for retirement on the tool's {@code retiresOn} date; never used on or after it. */
    LEGACY,
    /** Retired: never chosen, kept in the catalog so old plans and cost reports still resolve. */
    EOL;

    /** JSON form, e.g. {@code "legacy"}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON form; the message lists every accepted value. */
    @JsonCreator
    public static ToolStatus fromLabel(String label) {
        for (ToolStatus status : values()) {
            if (status.label().equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be one of "
                + Arrays.stream(values()).map(ToolStatus::label).collect(Collectors.joining(", ")) + ", was " + label);
    }
}
