/**
 * Session budgets ({@code SESSION#<id>}/{@code BUDGET}): reserve an estimate before a paid call, commit the bill or
 * release the reservation after it, idempotently per reservation id, so concurrent tasks never spend past the
 * limit and every bill is recorded exactly once.
 */
package dev.reelsmith.store.budget;
