/**
 * Per-vendor protection shared by every Lambda through DynamoDB: a circuit breaker
 * ({@code VENDOR#<provider>}/{@code BREAKER}) and a concurrency limiter ({@code VENDOR#<provider>}/{@code SLOT#n}),
 * combined in {@link dev.reelsmith.store.vendors.VendorGuard}. Refusals are exceptions the state machine retries or
 * routes to a fallback; nothing here sleeps.
 */
package dev.reelsmith.store.vendors;
