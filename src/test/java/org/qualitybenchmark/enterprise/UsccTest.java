package org.qualitybenchmark.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qualitybenchmark.enterprise.UsccViolation.Kind;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "914403001922038216", // 华为技术有限公司, the standard's worked example
            "9144030071526726XG", // 腾讯科技(深圳)有限公司, letter at position 17
            "91350100M000100Y43", // GB 32100-2015 explanatory example
            "91440300708461136T",
            "91110000710926094P",
            "91310000631696382C",
            "91110000600037341L",
            "91330100799655058B",
            "91440300192317458F",
            "91370200264574251E",
            "91520000214434146R"
    })
    void acceptsValidCodes(String code) {
        assertThat(Uscc.validate(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "91440300192203821, 6",
            "9144030071526726X, G",
            "91350100M000100Y4, 3",
            "91110108717809965, J"
    })
    void computesTheCheckCharacter(String first17, char expected) {
        assertThat(Uscc.checkCharacter(first17)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9144030019220382", "91440300192203821X", "9144030019220382I"})
    void checkCharacterNeedsSeventeenValidCharacters(String input) {
        assertThatThrownBy(() -> Uscc.checkCharacter(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankIsRequired(String input) {
        assertThat(Uscc.validate(input)).map(UsccViolation::kind).contains(Kind.REQUIRED);
    }

    @Test
    void wrongLengthSaysHowLongItWas() {
        assertThat(Uscc.validate("91440300192203821")).contains(
                new UsccViolation(Kind.LENGTH, "统一社会信用代码应为18位，实际为17位"));
        assertThat(Uscc.validate("9144030019220382161")).map(UsccViolation::kind).contains(Kind.LENGTH);
    }

    @Test
    void namesTheForbiddenCharacterAndItsPosition() {
        assertThat(Uscc.validate("9144030019220382I6")).hasValueSatisfying(v -> {
            assertThat(v.kind()).isEqualTo(Kind.CHARACTER);
            assertThat(v.message()).contains("第17位").contains("I");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"O14403001922038216", "91440300192203821Z", "9144030019220382S6", "91440300V92203821Q",
            "914403001922038-16", "9144030019220382１6"})
    void rejectsCharactersOutsideTheSet(String code) {
        assertThat(Uscc.validate(code)).map(UsccViolation::kind).contains(Kind.CHARACTER);
    }

    @Test
    void lowerCaseIsACharacterErrorUntilNormalised() {
        assertThat(Uscc.validate("9144030071526726xg")).map(UsccViolation::kind).contains(Kind.CHARACTER);
        assertThat(Uscc.validate(Uscc.normalize("9144030071526726xg"))).isEmpty();
    }

    @Test
    void regionMustBeSixDigits() {
        assertThat(Uscc.validate("91440A001922038216")).hasValueSatisfying(v -> {
            assertThat(v.kind()).isEqualTo(Kind.REGION_FORMAT);
            assertThat(v.message()).contains("440A00");
        });
    }

    @Test
    void aCheckCharacterOutsideTheSetIsACharacterErrorThatStillSaysTheExpectedOne() {
        // The standard's explanatory material calls this one invalid; Z is never used, so it fails before the check.
        assertThat(Uscc.validate("91350100M000100Y4Z")).hasValueSatisfying(v -> {
            assertThat(v.kind()).isEqualTo(Kind.CHARACTER);
            assertThat(v.message()).contains("第18位").contains("“Z”").contains("应为“3”");
        });
    }

    @ParameterizedTest
    @CsvSource({
            "91330100799655058C, B, C",
            "91110108717809965C, J, C"
    })
    void aWrongCheckCharacterNamesExpectedAndActual(String code, String expected, String actual) {
        assertThat(Uscc.validate(code)).hasValueSatisfying(v -> {
            assertThat(v.kind()).isEqualTo(Kind.CHECK_DIGIT);
            assertThat(v.message()).contains("应为“" + expected + "”").contains("实际为“" + actual + "”");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M0001TGQXM", "91350211M0000XUF46", "91350203M0001FUE2P"})
    void pilotEraFujianCodesFailOnlyTheCheckCharacter(String code) {
        assertThat(Uscc.validate(code)).map(UsccViolation::kind).contains(Kind.CHECK_DIGIT);
    }

    @Test
    void reportsTheFirstRuleBroken() {
        assertThat(Uscc.validate("9144I300")).map(UsccViolation::kind).contains(Kind.LENGTH);
        assertThat(Uscc.validate("91440A00192203821I")).map(UsccViolation::kind).contains(Kind.CHARACTER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "' 914403001922038216 ' | 914403001922038216",
            "9144030071526726xg | 9144030071526726XG",
            "９１４４０３００７１５２６７２６ＸＧ | 9144030071526726XG",
            "９１３５０１００ｍ０００１００ｙ４３ | 91350100M000100Y43",
            "'\u3000914403001922038216\u3000' | 914403001922038216"
    })
    void normalisesWhatPeopleTypeOrPaste(String raw, String expected) {
        String normalized = Uscc.normalize(raw);
        assertThat(normalized).isEqualTo(expected);
        assertThat(Uscc.validate(normalized)).isEmpty();
    }

    @Test
    void normalizeKeepsNullAndInnerCharacters() {
        assertThat(Uscc.normalize(null)).isNull();
        assertThat(Uscc.normalize("9144 0300")).isEqualTo("9144 0300");
    }

    @Test
    void registrationRegionIsPositionsThreeToEight() {
        assertThat(Uscc.registrationRegion("914403001922038216")).isEqualTo("440300");
        assertThat(Uscc.registrationRegion("91110000710926094P")).isEqualTo("110000");
        assertThatThrownBy(() -> Uscc.registrationRegion("9144030")).isInstanceOf(IllegalArgumentException.class);
    }
}
