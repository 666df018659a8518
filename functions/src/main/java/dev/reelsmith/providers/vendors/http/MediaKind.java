package dev.reelsmith.providers.vendors.http;

/** What a downloaded or decoded vendor output must be: the adapters say which they asked for. */
public enum MediaKind {
    IMAGE,
    VIDEO,
    AUDIO;

    /** Lower-case name for messages, e.g. {@code video}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
