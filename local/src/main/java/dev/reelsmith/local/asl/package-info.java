/**
 * The local Step Functions: an interpreter of the Amazon States Language for Standard workflows.
 *
 * <p>{@link dev.reelsmith.local.asl.AslEngine} is the entry point (state machines, executions, history, callbacks,
 * redrive, snapshots). Definitions are parsed and validated by {@code definition}; data processing (JSONPath,
 * intrinsic functions, JSONata, ResultPath) lives in {@code data}; what Task states do is plugged in through
 * {@code task}; time comes from {@code time}. The rules the engine follows, and where it departs from AWS, are in
 * {@code docs/adr/0003-our-own-asl-engine.md}.
 */
package dev.reelsmith.local.asl;
