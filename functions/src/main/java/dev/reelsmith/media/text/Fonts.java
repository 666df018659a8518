package dev.reelsmith.media.text;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts Reelsmith draws with. They ship inside the jar (Liberation Sans, SIL Open Font License, taken
 * from Maven Central at build time), so rendering needs no fontconfig and no system fonts, on a laptop or
 * on Lambda.
 */
public final class Fonts {
    private static final String SANS = "/dev/reelsmith/media/fonts/LiberationSans-Regular.ttf";
    private static volatile Font sans;

    private Fonts() {
    }

    /** Liberation Sans Regular at {@code size} points, bold when asked (synthesised by Java2D). */
    public static Font sans(float size, boolean bold) {
        return base().deriveFont(bold ? Font.BOLD : Font.PLAIN, size);
    }

    private static Font base() {
        Font font = sans;
        if (font == null) {
            synchronized (Fonts.class) {
                font = sans;
                if (font == null) {
                    try (InputStream in = Fonts.class.getResourceAsStream(SANS)) {
                        if (in == null) {
                            throw new IllegalStateException("font resource " + SANS + " is missing from the jar; "
                                    + "rebuild with `mvn -pl functions package`");
                        }
                        font = Font.createFont(Font.TRUETYPE_FONT, in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (FontFormatException e) {
                        throw new IllegalStateException("font resource " + SANS + " is not a TrueType font", e);
                    }
                    sans = font;
                }
            }
        }
        return font;
    }
}
