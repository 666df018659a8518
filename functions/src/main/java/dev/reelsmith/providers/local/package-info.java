/**
 * The free, offline providers every local run uses: {@link dev.reelsmith.providers.local.StoryboardImageModel}
 * paints storyboard panels instead of generated keyframes, {@link dev.reelsmith.providers.local.SynthMusicModel}
 * synthesises a music bed, and the clip provider animates the panels. Together they produce an animatic, a
 * storyboard cut to music, deterministically for a given seed and at zero cost.
 */
package dev.reelsmith.providers.local;
