package dev.reelsmith.local.asl;

/** The two ways a state can end other than succeeding, as they travel through the engine's futures. */
final class Signals {
    private Signals() {
    }

    /** A state failed with an error name and cause; Retry and Catch see it. */
    static final class StateError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String error;
        final String cause;
        /** How the failure is recorded in the history when it ends a task: TaskFailed or TaskTimedOut. */
        final boolean timeout;

        StateError(String error, String cause) {
            this(error, cause, false);
        }

        StateError(String error, String cause, boolean timeout) {
            super(error + ": " + cause, null, false, false);
            this.error = error;
            this.cause = cause;
            this.timeout = timeout;
        }
    }

    /** The workflow was aborted: the execution stopped or timed out, or a sibling branch failed. */
    static final class Aborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super("aborted", null, false, false);
        }
    }

    static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while ((current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
