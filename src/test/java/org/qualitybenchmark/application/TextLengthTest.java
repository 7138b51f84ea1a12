package org.qualitybenchmark.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextLengthTest {

    @Test
    void countsEveryCharacterOnceAndNoWhiteSpace() {
        assertThat(TextLength.count("实施六西格玛设计的经验")).isEqualTo(11);
        assertThat(TextLength.count("实施 6σ 设计\n的经验\t")).isEqualTo(9);
        assertThat(TextLength.count("\u3000全角空格不计")).isEqualTo(6);
        assertThat(TextLength.count("𠮷野家")).isEqualTo(3);
        assertThat(TextLength.count(null)).isZero();
    }
}
