/**
 * The real generation adapters behind the provider SPIs, one sub-package per vendor ({@code bedrock}, {@code runway},
 * {@code luma}, {@code veo}, {@code openai}, {@code replicate}), the HTTP, download and media-verification code they
 * share ({@code http}) and the secret sources they read keys from ({@code secrets}).
 *
 * <p>Every adapter maps its vendor's failures onto the provider taxonomy: HTTP 429 → ThrottledException (with the
 * vendor's {@code Retry-After} when sent); 5xx, timeouts, connection failures and truncated or unrecognisable
 * downloads → TransientVendorException; a content filter or moderation verdict, synchronous or reported by a finished
 * job → ContentRejectedException carrying the vendor's reason; 400/404/422 → InvalidRequestException; 402 and
 * exhausted credit → QuotaExceededException; 401/403 and missing secrets → ProviderNotConfiguredException. A job the
 * vendor reports as failed for any other reason is answered as {@code FAILED} with the vendor's words. Nothing is
 * retried inside an adapter: Step Functions owns retries.
 *
 * <p>Outputs are downloaded (or decoded) into a temporary file beside {@code output()}, checked by content (magic
 * bytes and container structure) and size, and only then moved into place, so a half-written file is never visible.
 * A receipt beside the output records the job id, checksum and cost, so a repeated poll after success answers from
 * the receipt without downloading twice. Costs are what the vendor bills for the request as sent (durations rounded
 * to what the model offers), from the price tables in each adapter; sources are noted there and in
 * {@code shared/VENDORS.md}.
 */
package dev.reelsmith.providers.vendors;
