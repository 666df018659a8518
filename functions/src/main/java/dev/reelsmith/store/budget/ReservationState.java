package dev.reelsmith.store.budget;

/** Where one reservation in a session's budget stands. */
public enum ReservationState {
    /** The estimate is held against the budget while the call runs. */
    RESERVED,
    /** The call was billed; its actual cost moved to spent. Final. */
    COMMITTED,
    /** The call failed unbilled; the estimate went back to the budget. A later bill can still commit it. */
    RELEASED
}
