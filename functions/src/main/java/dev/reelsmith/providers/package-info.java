/**
 * The generation SPIs every image, clip and music provider implements ({@link dev.reelsmith.providers.ImageModel},
 * {@link dev.reelsmith.providers.VideoModel}, {@link dev.reelsmith.providers.MusicModel}) and the provider-neutral
 * requests, jobs, statuses and costs they exchange. Vendor adapters live in one sub-package per vendor; the
 * free, offline implementations live in {@code local}.
 */
package dev.reelsmith.providers;
