package dev.reelsmith.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads LRC lyrics into timed lines.
 *
 * <p>Accepted: timestamps {@code [mm:ss]}, {@code [mm:ss.x]}, {@code [mm:ss.xx]} and {@code [mm:ss.xxx]} (minutes 1-3
 * digits, seconds below 60), several timestamps before one text ({@code [00:12.00][00:42.00]chorus}), metadata tags
 * on their own line ({@code [ar:…]}, {@code [ti:…]}, {@code [length:…]} and any other {@code [name:value]}), and one
 * {@code [offset:±ms]} tag, which per the LRC convention moves every line earlier when positive. A timestamp with
 * no text ends the previous line and produces no line of its own. Blank lines are skipped.
 *
 * <p>Rejected, naming the line (counting from 1): malformed timestamps or offsets, unclosed tags, a second offset,
 * text after a metadata tag, and non-empty lines without a leading tag. Lines are sorted by start time (stable,
 * so lines with the same time keep their order); a line ends where the next later line starts.
 */
public final class Lrc {
    private static final Pattern LOOKS_TIMED = Pattern.compile("(?m)^[\\s\\uFEFF]*\\[\\d");
    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{1,3}):(\\d{2})(?:\\.(\\d{1,3}))?");
    private static final Pattern METADATA = Pattern.compile("([A-Za-z#][A-Za-z0-9#_-]*):(.*)", Pattern.DOTALL);
    private static final Pattern OFFSET = Pattern.compile("\\s*([+-]?\\d{1,7})\\s*");
    private static final String TIMESTAMP_FORMS = "[mm:ss], [mm:ss.xx] or [mm:ss.xxx]";

    private Lrc() {
    }

    /** Whether {@code lyrics} are LRC: at least one line starts with {@code [} and a digit. */
    public static boolean looksLikeLrc(String lyrics) {
        return LOOKS_TIMED.matcher(lyrics).find();
    }

    /**
     * Parses LRC lyrics.
     *
     * @return the timed lines sorted by start time, with end times derived from the next line; the last line's
     *         end is null
     * @throws LrcFormatException naming the first line that cannot be read
     */
    public static List<LyricLine> parse(String lyrics) {
        String[] lines = lyrics.split("\r\n|\r|\n", -1);
        List<Stamp> stamps = new ArrayList<>();
        Integer offsetMillis = null;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) != '[') {
                throw new LrcFormatException(lineNumber, "expected a [mm:ss.xx] timestamp or a [tag:value] metadata tag"
                        + " at the start, found \"" + abbreviate(line) + "\"");
            }
            List<Long> times = new ArrayList<>();
            String rest = line;
            while (rest.startsWith("[")) {
                int close = rest.indexOf(']');
                if (close < 0) {
                    throw new LrcFormatException(lineNumber, "unclosed tag \"" + abbreviate(rest) + "\", missing ]");
                }
                String tag = rest.substring(1, close);
                rest = rest.substring(close + 1).stripLeading();
                if (!tag.isEmpty() && Character.isDigit(tag.charAt(0))) {
                    times.add(timestampMillis(lineNumber, tag));
                    continue;
                }
                Matcher metadata = METADATA.matcher(tag);
                if (!metadata.matches()) {
                    throw new LrcFormatException(lineNumber, "[" + abbreviate(tag) + "] is neither a timestamp ("
                            + TIMESTAMP_FORMS + ") nor a [tag:value] metadata tag");
                }
                if (!times.isEmpty() || !rest.isEmpty()) {
                    throw new LrcFormatException(lineNumber, "metadata tag [" + abbreviate(tag) + "] must be on a line of its own");
                }
                if (metadata.group(1).equalsIgnoreCase("offset")) {
                    if (offsetMillis != null) {
                        throw new LrcFormatException(lineNumber, "a second [offset:] tag; only one is allowed");
                    }
                    Matcher offset = OFFSET.matcher(metadata.group(2));
                    if (!offset.matches()) {
                        throw new LrcFormatException(lineNumber, "malformed offset [" + abbreviate(tag)
                                + "], expected milliseconds such as [offset:+250] or [offset:-100]");
                    }
                    offsetMillis = Integer.parseInt(offset.group(1));
                }
            }
            int length = rest.codePointCount(0, rest.length());
            if (length > LyricLine.MAX_TEXT_LENGTH) {
                throw new LrcFormatException(lineNumber, "text must be at most " + LyricLine.MAX_TEXT_LENGTH
                        + " characters, was " + length);
            }
            for (long time : times) {
                stamps.add(new Stamp(time, rest, stamps.size()));
            }
        }
        return lines(stamps, offsetMillis == null ? 0 : offsetMillis);
    }

    private static long timestampMillis(int lineNumber, String tag) {
        Matcher m = TIMESTAMP.matcher(tag);
        if (!m.matches()) {
            throw new LrcFormatException(lineNumber, "malformed timestamp [" + abbreviate(tag) + "], expected " + TIMESTAMP_FORMS);
        }
        int seconds = Integer.parseInt(m.group(2));
        if (seconds >= 60) {
            throw new LrcFormatException(lineNumber, "malformed timestamp [" + tag + "], seconds must be below 60");
        }
        String fraction = m.group(3) == null ? "0" : m.group(3);
        long fractionMillis = Long.parseLong((fraction + "00").substring(0, 3));
        return Long.parseLong(m.group(1)) * 60_000 + seconds * 1000L + fractionMillis;
    }

    private static List<LyricLine> lines(List<Stamp> stamps, int offsetMillis) {
        List<Stamp> sorted = new ArrayList<>(stamps);
        sorted.sort(Comparator.comparingLong(Stamp::millis).thenComparingInt(Stamp::order));
        List<LyricLine> result = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Stamp stamp = sorted.get(i);
            if (stamp.text().isEmpty()) {
                continue;
            }
            Double end = null;
            for (int j = i + 1; j < sorted.size(); j++) {
                if (sorted.get(j).millis() > stamp.millis()) {
                    end = seconds(sorted.get(j).millis(), offsetMillis);
                    break;
                }
            }
            double start = seconds(stamp.millis(), offsetMillis);
            if (end != null && end <= start) {
                // both clamped to 0 by a large positive offset: the line is never visible
                continue;
            }
            result.add(new LyricLine(start, end, stamp.text()));
        }
        return List.copyOf(result);
    }

    /** A positive offset shows lyrics earlier; times never go below 0. */
    private static double seconds(long millis, int offsetMillis) {
        return Math.max(0, millis - offsetMillis) / 1000.0;
    }

    private static String abbreviate(String text) {
        return text.codePointCount(0, text.length()) <= 40 ? text
                : text.substring(0, text.offsetByCodePoints(0, 40)) + "…";
    }

    private record Stamp(long millis, String text, int order) {
    }
}
