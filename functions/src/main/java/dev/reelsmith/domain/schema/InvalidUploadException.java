package dev.reelsmith.domain.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when an uploaded brief or song sidecar is rejected: too large, not UTF-8, not JSON, or not valid against
 * its published schema or the domain's rules. It carries every violation found, not just the first, so that a
 * user can fix the file in one go; the message lists them one per line.
 */
public final class InvalidUploadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String upload;
    private final transient List<Violation> violations;

    /**
     * @param upload     what was uploaded, e.g. {@code brief} or {@code song sidecar}
     * @param violations at least one violation
     */
    public InvalidUploadException(String upload, List<Violation> violations) {
        super(message(upload, violations));
        this.upload = upload;
        this.violations = List.copyOf(violations);
    }

    /** What was uploaded, e.g. {@code brief}. */
    public String upload() {
        return upload;
    }

    /** Every violation found, in document order of their pointers. */
    public List<Violation> violations() {
        return violations;
    }

    private static String message(String upload, List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations must not be empty");
        }
        String header = violations.size() == 1 ? upload + " is invalid (1 problem):"
                : upload + " is invalid (" + violations.size() + " problems):";
        return header + violations.stream().map(v -> "\n" + v.describe()).collect(Collectors.joining());
    }
}
