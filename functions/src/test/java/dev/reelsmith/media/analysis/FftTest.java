package dev.reelsmith.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FftTest {
    @Test
    void transform_shouldMatchTheDirectDft_whenInputIsRandom() {
        // given
        int n = 64;
        Random random = new Random(3);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = random.nextGaussian();
            im[i] = random.nextGaussian();
        }
        double[] expectedRe = new double[n];
        double[] expectedIm = new double[n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < n; t++) {
                double angle = -2 * Math.PI * k * t / n;
                expectedRe[k] += re[t] * Math.cos(angle) - im[t] * Math.sin(angle);
                expectedIm[k] += re[t] * Math.sin(angle) + im[t] * Math.cos(angle);
            }
        }

        // when
        new Fft(n).transform(re, im);

        // then
        for (int k = 0; k < n; k++) {
            assertThat(re[k]).isCloseTo(expectedRe[k], within(1e-9));
            assertThat(im[k]).isCloseTo(expectedIm[k], within(1e-9));
        }
    }

    @Test
    void constructor_shouldReject_whenSizeIsNotAPowerOfTwo() {
        // when / then
        assertThatThrownBy(() -> new Fft(100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FFT size must be a power of two >= 2, was 100");
    }
}
