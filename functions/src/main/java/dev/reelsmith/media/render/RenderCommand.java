package dev.reelsmith.media.render;

import dev.reelsmith.domain.AudioTrack;
import dev.reelsmith.domain.CameraMovement;
import dev.reelsmith.domain.ShotSource;
import dev.reelsmith.domain.TextOverlay;
import dev.reelsmith.domain.Timeline;
import dev.reelsmith.domain.Transition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the one FFmpeg invocation that renders a timeline: every input, a single {@code filter_complex},
 * and two outputs (the MP4 and the poster JPEG).
 *
 * <p>The filter string holds only numbers, option names and our own stream labels. Media paths travel as
 * separate {@code -i} arguments prefixed with {@code file:} (so names containing {@code :} or starting with a
 * protocol are never interpreted), stills are read with {@code -pattern_type none} (so {@code %} in a file
 * name is not a sequence pattern), colours are validated {@code #RRGGBB}, and overlay text arrives as
 * pre-drawn images.
 */
final class RenderCommand {
    private final Timeline timeline;
    private final FramePlan plan;
    private final List<Path> overlayImages;
    private final List<PaintedOverlay> overlays;
    private final RenderOptions options;

    private final List<String> inputs = new ArrayList<>();
    private final List<String> filters = new ArrayList<>();
    private int inputCount;
    private int labelCount;

    RenderCommand(Timeline timeline, List<PaintedOverlay> overlays, List<Path> overlayImages, RenderOptions options) {
        if (overlays.size() != timeline.overlays().size() || overlayImages.size() != overlays.size()) {
            throw new IllegalArgumentException("one painted image per overlay is required");
        }
        this.timeline = timeline;
        this.plan = FramePlan.of(timeline);
        this.overlays = overlays;
        this.overlayImages = overlayImages;
        this.options = options;
    }

    FramePlan plan() {
        return plan;
    }

    /** The frame the poster is taken from. */
    int posterFrame() {
        double at;
        if (timeline.posterSeconds() != null) {
            at = timeline.posterSeconds();
        } else {
            // the middle of the second shot when there is one (the first is often a title card), else a third in
            FramePlan.Segment s = plan.segments().size() > 1 ? plan.segments().get(1) : plan.segments().get(0);
            at = (s.cutFrame() + s.holdFrames() / 2.0) / plan.fps();
            if (plan.segments().size() == 1) {
                at = timeline.durationSeconds() / 3;
            }
        }
        return Math.max(0, Math.min(plan.totalFrames() - 1, (int) Math.round(at * plan.fps())));
    }

    List<String> arguments(Path video, Path poster) {
        // Only the frames inside a transition go through xfade (FFmpeg's xfade does full work on every frame
        // it passes, so chaining xfades over whole shots costs ~10 ms per frame per transition). Each shot's
        // frames are split into [incoming overlap | body | outgoing overlap]; each transition blends one
        // shot's outgoing part with the next shot's incoming part; one concat joins everything in order.
        List<String> parts = new ArrayList<>();
        String previousOut = null;
        for (FramePlan.Segment segment : plan.segments()) {
            String source = segment(segment);
            int frames = segment.sourceFrames();
            int in = segment.transitionFrames();
            int out = 2 * segment.tailFrames();
            int body = frames - in - out;
            List<String> pieces = new ArrayList<>();
            String inLabel = null;
            String bodyLabel = null;
            String outLabel = null;
            if (in > 0) {
                inLabel = label();
                pieces.add(inLabel);
            }
            if (body > 0) {
                bodyLabel = label();
                pieces.add(bodyLabel);
            }
            if (out > 0) {
                outLabel = label();
                pieces.add(outLabel);
            }
            String[] branches = new String[pieces.size()];
            if (pieces.size() == 1) {
                branches[0] = source;
            } else {
                StringBuilder split = new StringBuilder("[" + source + "]split=" + pieces.size());
                for (int i = 0; i < branches.length; i++) {
                    branches[i] = label();
                    split.append('[').append(branches[i]).append(']');
                }
                filters.add(split.toString());
            }
            int b = 0;
            if (inLabel != null) {
                filters.add(window(branches[b++], 0, in, inLabel));
            }
            if (bodyLabel != null) {
                filters.add(window(branches[b++], in, in + body, bodyLabel));
            }
            if (outLabel != null) {
                filters.add(window(branches[b], in + body, frames, outLabel));
            }
            if (in > 0) {
                String transition = label();
                String kind = segment.transitionIn() == Transition.DIP_TO_BLACK ? "fadeblack" : "fade";
                filters.add("[" + previousOut + "][" + inLabel + "]xfade=transition=" + kind + ":duration="
                        + plan.seconds(in) + ":offset=0" + retime() + "[" + transition + "]");
                parts.add(transition);
            }
            if (bodyLabel != null) {
                parts.add(bodyLabel);
            }
            previousOut = outLabel;
        }
        String acc;
        if (parts.size() == 1) {
            acc = parts.get(0);
        } else {
            acc = label();
            StringBuilder concat = new StringBuilder();
            for (String part : parts) {
                concat.append('[').append(part).append(']');
            }
            // concat answers in microseconds; retime to 1/fps so frame numbers stay exact
            concat.append("concat=n=").append(parts.size()).append(":v=1:a=0").append(retime()).append('[').append(acc).append(']');
            filters.add(concat.toString());
        }

        int total = plan.totalFrames();
        StringBuilder finish = new StringBuilder("[" + acc + "]trim=end_frame=" + total + retime());
        if (timeline.fadeInSeconds() > 0) {
            finish.append(",fade=t=in:start_frame=0:nb_frames=").append(frames(timeline.fadeInSeconds()));
        }
        if (timeline.fadeOutSeconds() > 0) {
            int n = frames(timeline.fadeOutSeconds());
            finish.append(",fade=t=out:start_frame=").append(total - n).append(":nb_frames=").append(n);
        }
        String base = label();
        filters.add(finish + "[" + base + "]");
        base = overlays(base);
        String vout = label();
        String vposter = label();
        filters.add("[" + base + "]format=yuv420p,split=2[" + vout + "][" + vposter + "0]");
        filters.add("[" + vposter + "0]trim=start_frame=" + posterFrame() + ":end_frame=" + (posterFrame() + 1)
                + "[" + vposter + "]");
        String aout = audio();

        List<String> args = new ArrayList<>(inputs);
        args.add("-filter_complex");
        args.add(String.join(";", filters));
        args.addAll(List.of("-map", "[" + vout + "]", "-map", "[" + aout + "]"));
        if (!options.x264Params().isEmpty()) {
            args.addAll(List.of("-x264-params", options.x264Params()));
        }
        args.addAll(List.of(
                "-c:v", "libx264", "-preset", options.preset(), "-crf", Integer.toString(options.crf()),
                "-profile:v", "high", "-pix_fmt", "yuv420p", "-color_range", "tv", "-colorspace", "bt709",
                "-color_primaries", "bt709", "-color_trc", "bt709", "-r", Integer.toString(plan.fps()),
                "-g", Integer.toString(plan.fps() * 2), "-frames:v", Integer.toString(total),
                "-c:a", "aac", "-b:a", options.audioBitrateK() + "k", "-ar", "48000", "-ac", "2",
                "-movflags", "+faststart", "-metadata", "encoder=Reelsmith",
                "-y", "file:" + video.toAbsolutePath()));
        args.addAll(List.of("-map", "[" + vposter + "]", "-frames:v", "1", "-update", "1", "-q:v", "2",
                "-y", "file:" + poster.toAbsolutePath()));
        return args;
    }

    /** Frames [from, to) of a stream, renumbered from 0. */
    private String window(String in, int from, int to, String out) {
        return "[" + in + "]trim=start_frame=" + from + ":end_frame=" + to + retime() + "[" + out + "]";
    }

    private String segment(FramePlan.Segment segment) {
        ShotSource src = segment.shot().source();
        int frames = segment.sourceFrames();
        int w = timeline.width();
        int h = timeline.height();
        int fps = plan.fps();
        String out = label();
        String tail = ",trim=end_frame=" + frames + retime() + ",format=yuv420p[" + out + "]";
        if (src.color() != null) {
            filters.add(String.format(Locale.ROOT, "color=c=0x%06X:s=%dx%d:r=%d:d=%s,setsar=1", src.rgb(), w, h, fps,
                    plan.seconds(frames + 1)) + tail);
        } else if (src.video() != null) {
            int in = input("-i", "file:" + Path.of(src.video()).toAbsolutePath());
            filters.add("[" + in + ":v:0]setpts=PTS-STARTPTS,fps=" + fps + ",scale=" + w + ":" + h
                    + ":force_original_aspect_ratio=increase:flags=bicubic:out_range=tv:out_color_matrix=bt709,crop=" + w + ":" + h
                    + ",setsar=1,tpad=stop_mode=clone:stop=" + frames + tail);
        } else {
            int in = input("-f", "image2", "-pattern_type", "none", "-i", "file:" + Path.of(src.image()).toAbsolutePath());
            int sw = even((int) Math.ceil(w * options.supersample()));
            int sh = even((int) Math.ceil(h * options.supersample()));
            Motion m = Motion.of(segment.shot().motion(), frames, fps);
            filters.add("[" + in + ":v:0]scale=" + sw + ":" + sh + ":force_original_aspect_ratio=increase:flags=lanczos"
                    // stills arrive full-range RGB; convert once, here, to the broadcast-range BT.709 players expect
                    + ":out_range=tv:out_color_matrix=bt709"
                    + ",crop=" + sw + ":" + sh + ",setsar=1,format=yuv420p"
                    + ",zoompan=z='" + m.zoom + "':x='" + m.x + "':y='" + m.y + "':d=" + frames
                    + ":s=" + w + "x" + h + ":fps=" + fps + ",setsar=1" + tail);
        }
        return out;
    }

    private String overlays(String base) {
        int fps = plan.fps();
        String current = base;
        List<TextOverlay> specs = timeline.overlays();
        for (int i = 0; i < specs.size(); i++) {
            TextOverlay spec = specs.get(i);
            PaintedOverlay painted = overlays.get(i);
            int start = Math.min(plan.totalFrames() - 1, frames(spec.startSeconds()));
            int end = Math.min(plan.totalFrames(), frames(spec.endSeconds()));
            int length = Math.max(1, end - start);
            int fade = Math.min(length / 3, frames(spec.fadeSeconds()));
            int in = input("-f", "image2", "-pattern_type", "none", "-framerate", Integer.toString(fps),
                    "-i", "file:" + overlayImages.get(i).toAbsolutePath());
            String ov = label();
            // convert the drawn RGBA text to the video's own format once, before looping it, and blend in
            // yuv420 (format=auto would turn every 1080p frame into RGBA and back)
            StringBuilder chain = new StringBuilder("[" + in + ":v:0]scale=out_range=tv:out_color_matrix=bt709,"
                    + "format=yuva420p,loop=loop=" + (length - 1)
                    + ":size=1:start=0,settb=1/" + fps + ",setpts=N+" + start);
            if (fade > 0) {
                chain.append(",fade=t=in:start_frame=0:nb_frames=").append(fade).append(":alpha=1");
                chain.append(",fade=t=out:start_frame=").append(length - fade).append(":nb_frames=").append(fade)
                        .append(":alpha=1");
            }
            filters.add(chain + "[" + ov + "]");
            String next = label();
            filters.add("[" + current + "][" + ov + "]overlay=x=" + painted.x() + ":y=" + painted.y()
                    + ":eof_action=pass:format=yuv420[" + next + "]");
            current = next;
        }
        return current;
    }

    private String audio() {
        String out = label();
        String d = plan.seconds(plan.totalFrames());
        AudioTrack a = timeline.audio();
        if (a == null) {
            filters.add("anullsrc=r=48000:cl=stereo,atrim=end=" + d + "[" + out + "]");
            return out;
        }
        int in = input("-i", "file:" + Path.of(a.path()).toAbsolutePath());
        StringBuilder chain = new StringBuilder("[" + in + ":a:0]");
        chain.append(String.format(Locale.ROOT, "atrim=start=%.6f,asetpts=PTS-STARTPTS,", a.offsetSeconds()));
        chain.append("aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,");
        if (a.measuredLufs() != null) {
            double gain = a.targetLufs() - a.measuredLufs();
            // one transparent gain to the target, and a look-ahead limiter so peaks stay under -1 dBTP
            chain.append(String.format(Locale.ROOT, "volume=%.2fdB,alimiter=limit=0.891:level=false:latency=true,", gain));
        } else {
            chain.append(String.format(Locale.ROOT, "loudnorm=I=%.1f:TP=-1.5:LRA=11,aresample=48000,", a.targetLufs()));
        }
        if (a.fadeInSeconds() > 0) {
            chain.append(String.format(Locale.ROOT, "afade=t=in:st=0:d=%.3f,", a.fadeInSeconds()));
        }
        double duration = (double) plan.totalFrames() / plan.fps();
        if (a.fadeOutSeconds() > 0) {
            double fo = Math.min(a.fadeOutSeconds(), duration);
            chain.append(String.format(Locale.ROOT, "afade=t=out:st=%.6f:d=%.3f,", duration - fo, fo));
        }
        chain.append("apad=whole_dur=").append(d).append(",atrim=end=").append(d).append("[").append(out).append("]");
        filters.add(chain.toString());
        return out;
    }

    /**
     * Frame-exact timestamps: time base 1/fps and pts = frame number, plus a constant-rate declaration
     * (xfade refuses inputs without one; concat and settb drop it).
     */
    private String retime() {
        return ",settb=1/" + plan.fps() + ",setpts=N,fps=" + plan.fps();
    }

    private int input(String... args) {
        inputs.addAll(List.of(args));
        return inputCount++;
    }

    private String label() {
        return "l" + (labelCount++);
    }

    private int frames(double seconds) {
        return (int) Math.round(seconds * plan.fps());
    }

    private static int even(int v) {
        return (v + 1) & ~1;
    }

    /** zoompan expressions for a camera movement, as functions of the output frame number {@code on}. */
    private record Motion(String zoom, String x, String y) {
        static Motion of(CameraMovement move, int frames, int fps) {
            String p = frames <= 1 ? "0" : "(on/" + (frames - 1) + ")";
            String cx = "(iw-iw/zoom)/2";
            String cy = "(ih-ih/zoom)/2";
            return switch (move) {
                case STATIC -> new Motion("1", cx, cy);
                case PUSH_IN -> new Motion("1+0.15*" + p, cx, cy);
                case PULL_OUT -> new Motion("1.15-0.15*" + p, cx, cy);
                case PAN_LEFT -> new Motion("1.15", "(iw-iw/zoom)*(1-" + p + ")", cy);
                case PAN_RIGHT -> new Motion("1.15", "(iw-iw/zoom)*" + p, cy);
                case TILT_UP -> new Motion("1.15", cx, "(ih-ih/zoom)*(1-" + p + ")");
                case TILT_DOWN -> new Motion("1.15", cx, "(ih-ih/zoom)*" + p);
                case ORBIT -> new Motion("1.08+0.07*" + p, "(iw-iw/zoom)*(0.15+0.7*" + p + ")", cy);
                case HANDHELD -> new Motion("1.08",
                        cx + "+(iw-iw/zoom)*0.18*sin(on*" + String.format(Locale.ROOT, "%.5f", 2 * Math.PI * 0.55 / fps)
                                + ")+(iw-iw/zoom)*0.07*sin(on*" + String.format(Locale.ROOT, "%.5f", 2 * Math.PI * 1.3 / fps) + ")",
                        cy + "+(ih-ih/zoom)*0.16*sin(on*" + String.format(Locale.ROOT, "%.5f", 2 * Math.PI * 0.4 / fps)
                                + "+1)+(ih-ih/zoom)*0.06*sin(on*" + String.format(Locale.ROOT, "%.5f", 2 * Math.PI * 1.7 / fps) + ")");
            };
        }
    }
}
