package dev.reelsmith.catalog;

import java.util.List;

/** Thrown when a tool catalog document breaks its schema or its tools' rules; lists every problem found. */
public class InvalidCatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidCatalogException(List<String> problems) {
        super("tool catalog is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, each naming where in the document it is. */
    public List<String> problems() {
        return problems;
    }
}
