package dev.reelsmith.local.cli;

import dev.reelsmith.domain.AspectRatio;
import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.ShotType;
import dev.reelsmith.media.ffmpeg.Ffmpeg;
import dev.reelsmith.providers.FrameContext;
import dev.reelsmith.providers.ImageRequest;
import dev.reelsmith.providers.MusicJob;
import dev.reelsmith.providers.MusicRequest;
import dev.reelsmith.providers.local.StoryboardImageModel;
import dev.reelsmith.providers.local.SynthMusicModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Regenerates the committed demo media under {@code examples/} from the local providers (deterministic:
 * the same seeds give the same frames and song): the 40 s synthwave demo song and the storyboard frames the
 * demo timeline shows.
 */
@Command(name = "demo-assets", mixinStandardHelpOptions = true, hidden = true,
        description = "Regenerate examples/songs/demo-song.mp3 and examples/demo/frames/*.png from the local providers.")
final class DemoAssetsCommand implements Callable<Integer> {
    /** The demo ad's shots: type, move, caption. */
    private record Frame(ShotType type, CameraMovement move, String caption) {
    }

    private static final List<Frame> FRAMES = List.of(
            new Frame(ShotType.ESTABLISHING, CameraMovement.PUSH_IN, "Dawn over the city. A runner laces up on wet asphalt."),
            new Frame(ShotType.CLOSE_UP, CameraMovement.HANDHELD, "Feet hit the ground: the Stride One sole flexes, springs back."),
            new Frame(ShotType.DETAIL, CameraMovement.ORBIT, "The knit upper in neon pink and cyan, rain beading off it."),
            new Frame(ShotType.MEDIUM, CameraMovement.PAN_RIGHT, "She overtakes the morning crowd, effortless, smiling."),
            new Frame(ShotType.WIDE, CameraMovement.PULL_OUT, "The bridge at sunrise; the city falls away behind her."),
            new Frame(ShotType.INSERT, CameraMovement.STATIC, "Stride One on a clean plinth. Logo. Call to action."));

    @Option(names = "--root", defaultValue = ".", description = "repository root (default: current directory)")
    Path root;

    @Override
    public Integer call() throws IOException {
        Path frames = root.resolve("examples/demo/frames");
        Files.createDirectories(frames);
        StoryboardImageModel storyboard = new StoryboardImageModel();
        List<String> palette = List.of("#FF2E97", "#00E5FF", "#7B2CFF", "#0B0B1A", "#FFB86B");
        for (int i = 0; i < FRAMES.size(); i++) {
            Frame f = FRAMES.get(i);
            Path png = frames.resolve(String.format(Locale.ROOT, "s%02d.png", i + 1));
            storyboard.generate(new ImageRequest(f.caption(), null, 1985 + i, 1080, 1920, AspectRatio.PORTRAIT, List.of(),
                    new FrameContext(String.format(Locale.ROOT, "s%02d", i + 1), i + 1, FRAMES.size(), f.type(), f.move(),
                            f.caption(), "energetic", palette, "Stride One — Neon Tide demo"), png));
            System.out.println("frame  " + png);
        }
        Path songs = root.resolve("examples/songs");
        Files.createDirectories(songs);
        Path wav = Files.createTempFile("demo-song-", ".wav");
        try {
            SynthMusicModel synth = new SynthMusicModel();
            MusicJob job = synth.start(new MusicRequest("synthwave", "nostalgic, driving, hopeful", 120, 40.0, 1985, wav));
            synth.poll(job);
            Path mp3 = songs.resolve("demo-song.mp3");
            Ffmpeg.locate().capture(List.of("-y", "-i", "file:" + wav.toAbsolutePath(), "-c:a", "libmp3lame", "-b:a", "160k",
                    "-metadata", "title=Neon Tide", "-metadata", "artist=Reelsmith Demo", "file:" + mp3.toAbsolutePath()),
                    Duration.ofMinutes(2));
            System.out.println("song   " + mp3);
        } finally {
            Files.deleteIfExists(wav);
        }
        return 0;
    }
}
