package org.qualitybenchmark.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qualitybenchmark.support.ConfigurationFileException;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;

class IndustryClassificationTest {

    private static final Path FILE = Path.of("config/reference", IndustryClassification.FILE_NAME);

    private final IndustryClassification classification = new IndustryClassification(FILE);

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @ValueSource(strings = {"36", "367", "3670"})
    void findsTheDivisionFromTheFirstTwoDigits(String code) {
        assertThat(classification.division(code))
                .contains(new IndustryDivision("36", "汽车制造业", "C", "制造业"));
    }

    @Test
    void trimsTrailingSpacesInPublishedNames() {
        assertThat(classification.division("16")).map(IndustryDivision::name).contains("烟草制品业");
    }

    @Test
    void knowsAllNinetySevenDivisionsInCodeOrder() {
        assertThat(classification.divisions()).hasSize(97);
        assertThat(classification.divisions().get(0).code()).isEqualTo("01");
        assertThat(classification.divisions().get(96))
                .isEqualTo(new IndustryDivision("97", "国际组织", "T", "国际组织"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"3", "36701", "C36", "C3670", "3a", " 36", "00", "98", "３６"})
    void rejectsCodesThatAreNotTwoToFourDigitsOfAKnownDivision(String code) {
        assertThat(classification.division(code)).isEmpty();
        assertThat(classification.isIndustrial(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"06", "0610", "11", "13", "36", "43", "4330", "44", "46", "4690"})
    void divisionsSixToFortySixAreIndustrial(String code) {
        assertThat(classification.isIndustrial(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "05", "0519", "47", "51", "65", "66", "97"})
    void otherDivisionsAreNotIndustrial(String code) {
        assertThat(classification.isIndustrial(code)).isFalse();
    }

    @Test
    void namesTheKeyOfABadDivisionCode() throws IOException {
        Path file = write("""
                {"sections": [{"code": "A", "name": "农、林、牧、渔业", "divisions": [
                  {"code": "01", "name": "农业"},
                  {"code": "2", "name": "林业"}
                ]}]}
                """);

        assertThatThrownBy(() -> new IndustryClassification(file))
                .isInstanceOfSatisfying(ConfigurationFileException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo(file);
                            assertThat(p.key()).isEqualTo("sections[0].divisions[1].code");
                            assertThat(p.message()).contains("两位数字");
                        }));
    }

    @Test
    void reportsEveryFaultAtOnce() throws IOException {
        Path file = write("""
                {"sections": [
                  {"code": "A", "name": "农、林、牧、渔业", "divisions": [{"code": "01", "name": "农业"}]},
                  {"code": "B", "name": "采矿业", "divisions": [{"code": "01"}, {"code": "06", "name": "煤炭开采和洗选业"}]},
                  {"code": "c", "name": " "}
                ]}
                """);

        assertThatThrownBy(() -> new IndustryClassification(file))
                .isInstanceOfSatisfying(ConfigurationFileException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key)
                        .containsExactly("sections[1].divisions[0].name", "sections[1].divisions[0].code",
                                "sections[2].code", "sections[2].name", "sections[2].divisions"));
    }

    @Test
    void aMissingSectionsListIsNamed() throws IOException {
        Path file = write("{\"section\": []}");

        assertThatThrownBy(() -> new IndustryClassification(file))
                .isInstanceOfSatisfying(ConfigurationFileException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key).containsExactly("sections"));
    }

    @Test
    void brokenJsonNamesTheFileAndLine() throws IOException {
        Path file = write("{\"sections\": [\n{\"code\": \"A\",,}\n]}");

        assertThatThrownBy(() -> new IndustryClassification(file))
                .isInstanceOf(ConfigurationFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("第2行");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = tempDir.resolve("absent.json");

        assertThatThrownBy(() -> new IndustryClassification(file))
                .isInstanceOf(ConfigurationFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("找不到");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(tempDir.resolve(IndustryClassification.FILE_NAME), json);
    }
}
