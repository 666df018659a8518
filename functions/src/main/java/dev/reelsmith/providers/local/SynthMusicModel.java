package dev.reelsmith.providers.local;

import dev.reelsmith.media.audio.WavWriter;
import dev.reelsmith.providers.Cost;
import dev.reelsmith.providers.MusicJob;
import dev.reelsmith.providers.MusicJobStatus;
import dev.reelsmith.providers.MusicModel;
import dev.reelsmith.providers.MusicRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The offline music provider: synthesises a music bed (drums, bass following the chord roots, chords and, in
 * the lifted section, a lead) for a genre, tempo and length, as a 16-bit stereo 44.1 kHz WAV. Used by local
 * runs and by briefs that choose the free tool; costs nothing.
 *
 * <p>The bed is built for the analysis that follows it: kicks sit exactly on the beat grid with the accent on
 * each downbeat, the arrangement has audibly different sections (intro, main, break, lifted main, outro), the
 * file is exactly {@code durationSeconds} long to the sample and fades to silence on its last sample, and the
 * peak is normalised to -1 dBFS. Genres without a style of their own play as pop (see
 * {@link MusicStyle#forGenre}); a null tempo takes the style's usual one.
 *
 * <p>Rendering takes well under a second per minute of audio, so {@link #start} renders synchronously and
 * returns a job that is already done; {@link #poll} then answers {@code SUCCEEDED} with the file and a zero
 * cost for as long as the file exists. The same request and seed always produce a byte-identical file.
 */
public final class SynthMusicModel implements MusicModel {
    public static final String PROVIDER_ID = "local";
    public static final String MODEL_ID = "synth-v1";

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    /** Renders the bed and writes it to {@code request.output()}, replacing any file there. */
    @Override
    public MusicJob start(MusicRequest request) {
        float[][] stereo = render(request);
        WavWriter.writePcm16(request.output(), MusicRenderer.SAMPLE_RATE, stereo);
        return new MusicJob(PROVIDER_ID, MODEL_ID, jobId(request), request.output(), request.durationSeconds());
    }

    /**
     * {@code SUCCEEDED} with the file when it exists; {@code FAILED} when it has been removed since
     * {@link #start} (start the job again).
     *
     * @throws IllegalArgumentException when the job was started by another provider
     */
    @Override
    public MusicJobStatus poll(MusicJob job) {
        if (!PROVIDER_ID.equals(job.providerId()) || !MODEL_ID.equals(job.modelId())) {
            throw new IllegalArgumentException("job " + job.jobId() + " belongs to " + job.providerId() + "/"
                    + job.modelId() + ", not " + PROVIDER_ID + "/" + MODEL_ID);
        }
        if (!Files.isRegularFile(job.output())) {
            return MusicJobStatus.failed("rendered file " + job.output() + " no longer exists; start the job again");
        }
        return MusicJobStatus.succeeded(job.output(),
                Cost.free(BigDecimal.valueOf(job.durationSeconds()), Cost.SECOND));
    }

    /** The bed as two channels of samples in [-1, 1], without writing a file. */
    public float[][] render(MusicRequest request) {
        MusicStyle style = MusicStyle.forGenre(request.genre());
        int bpm = request.tempoBpm() != null ? request.tempoBpm() : style.defaultBpm();
        return new MusicRenderer(style, bpm, request.durationSeconds(), request.mood(), request.seed()).render();
    }

    /** Same request, same id: a repeated start (a redelivered event) is recognisably the same job. */
    private static String jobId(MusicRequest request) {
        String key = String.join("|", MODEL_ID, request.genre(), String.valueOf(request.mood()),
                String.valueOf(request.tempoBpm()), Double.toString(request.durationSeconds()),
                Long.toString(request.seed()), request.output().toAbsolutePath().toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "synth-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
