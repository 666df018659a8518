package dev.reelsmith.layer.elf;

import java.util.Comparator;
import java.util.regex.Pattern;

/** Orders glibc symbol version names ({@code GLIBC_2.2.5} &lt; {@code GLIBC_2.17} &lt; {@code GLIBC_2.29}). */
public final class GlibcVersions {
    private static final Pattern GLIBC = Pattern.compile("GLIBC_\\d+(\\.\\d+)*");

    /** Numeric order by component; only meaningful between names {@link #isGlibc} accepts. */
    public static final Comparator<String> ORDER = (a, b) -> {
        String[] x = a.substring(6).split("\\.");
        String[] y = b.substring(6).split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int left = i < x.length ? Integer.parseInt(x[i]) : 0;
            int right = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (left != right) {
                return Integer.compare(left, right);
            }
        }
        return 0;
    };

    private GlibcVersions() {
    }

    /** True for {@code GLIBC_<numbers>}; false for {@code GLIBC_PRIVATE}, {@code GLIBCXX_3.4}, ... */
    public static boolean isGlibc(String versionName) {
        return GLIBC.matcher(versionName).matches();
    }
}
