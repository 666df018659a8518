/**
 * The content-addressed cache of generated assets: same tool, model version, prompt, seed, inputs and parameters
 * ⇒ the stored result is reused ({@code cache/<sha256>.<ext>} in the artifacts bucket, {@code CACHE#<sha256>}/
 * {@code ENTRY} in the table) and never paid for twice.
 */
package dev.reelsmith.store.cache;
