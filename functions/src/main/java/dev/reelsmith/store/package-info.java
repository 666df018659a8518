/**
 * State every Lambda shares, kept in the single DynamoDB table ({@link dev.reelsmith.store.TableSchema}) and the
 * artifacts bucket: vendor breakers and concurrency slots ({@code vendors}), session budgets ({@code budget}) and
 * the content-addressed generation cache ({@code cache}). AWS SDK clients are used here and at the other edges
 * only, never in the domain.
 */
package dev.reelsmith.store;
