package dev.reelsmith.store.vendors;

/** The checks provider and owner ids share, so every message reads the same way. */
final class Names {
    private Names() {
    }

    static String requireId(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > 512) {
            throw new IllegalArgumentException(name + " must be at most 512 characters, was " + value.length());
        }
        return value;
    }
}
