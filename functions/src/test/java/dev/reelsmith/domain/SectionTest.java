package dev.reelsmith.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SectionTest {
    @Test
    void constructor_shouldKeepFields_whenSectionIsValid() {
        // when
        Section section = new Section(Section.Label.CHORUS, 12.5, 28.25, 0.9);

        // then
        assertThat(section.lengthSeconds()).isEqualTo(15.75);
        assertThat(section.contains(12.5)).isTrue();
        assertThat(section.contains(28.25)).isFalse();
        assertThat(section.label().label()).isEqualTo("chorus");
    }

    @Test
    void constructor_shouldReject_whenEndIsNotAfterStart() {
        // when / then
        assertThatThrownBy(() -> new Section(Section.Label.VERSE, 10, 10, 0.5))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("endSeconds must be greater than startSeconds (10.0), was 10.0");
    }

    @Test
    void constructor_shouldReject_whenStartIsNegative() {
        // when / then
        assertThatThrownBy(() -> new Section(Section.Label.VERSE, -1, 10, 0.5))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("startSeconds must be a finite number >= 0, was -1.0");
    }

    @Test
    void constructor_shouldReject_whenEnergyIsAboveOne() {
        // when / then
        assertThatThrownBy(() -> new Section(Section.Label.VERSE, 0, 10, 1.5))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("energy must be between 0 and 1, was 1.5");
    }

    @Test
    void constructor_shouldReject_whenLabelIsMissing() {
        // when / then
        assertThatThrownBy(() -> new Section(null, 0, 10, 0.5))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("label is required");
    }

    @Test
    void fromLabel_shouldParseEveryJsonForm_whenLabelIsKnown() {
        // when / then
        for (Section.Label label : Section.Label.values()) {
            assertThat(Section.Label.fromLabel(label.label())).isEqualTo(label);
        }
    }
}
