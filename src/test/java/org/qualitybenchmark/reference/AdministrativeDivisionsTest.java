package org.qualitybenchmark.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qualitybenchmark.support.ConfigurationFileException;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;

class AdministrativeDivisionsTest {

    private static final Path FILE = Path.of("config/reference", AdministrativeDivisions.FILE_NAME);

    private final AdministrativeDivisions divisions = new AdministrativeDivisions(FILE);

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @CsvSource({"11, 北京市", "13, 河北省", "21, 辽宁省", "33, 浙江省", "37, 山东省", "41, 河南省", "44, 广东省", "65, 新疆维吾尔自治区"})
    void namesProvinces(String code, String name) {
        assertThat(divisions.provinceName(code)).contains(name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"99", "1", "130", "130000", "ab"})
    void unknownOrMalformedProvinceCodesGiveNothing(String code) {
        assertThat(divisions.provinceName(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1301, 石家庄市", "1311, 衡水市", "2102, 大连市", "3302, 宁波市", "3702, 青岛市", "4103, 洛阳市",
            "4117, 驻马店市", "4190, 省直辖县级行政区划"})
    void namesPrefecturesOfTheFocusProvinces(String code, String name) {
        assertThat(divisions.prefectureName(code)).contains(name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"3712", "1101", "4403", "130100", "13"})
    void prefecturesOutsideTheDataGiveNothing(String code) {
        assertThat(divisions.prefectureName(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "13, 河北省",
            "130000, 河北省",
            "1301, 河北省石家庄市",
            "130100, 河北省石家庄市",
            "130102, 河北省石家庄市",
            "130682, 河北省保定市",
            "' 2102 ', 辽宁省大连市",
            "410300, 河南省洛阳市",
            "410305, 河南省洛阳市涧西区",
            "4190, 河南省",
            "419001, 河南省济源市",
            "330114, 浙江省杭州市钱塘区",
            "330383, 浙江省温州市龙港市",
            "110000, 北京市",
            "110105, 北京市",
            "440300, 广东省",
            "371200, 山东省"
    })
    void describesAsMuchOfTheRegionAsIsKnown(String code, String expected) {
        assertThat(divisions.describe(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99", "990100", "abc", "1", "1301001"})
    void fallsBackToTheCodeItself(String code) {
        assertThat(divisions.describe(code)).isEqualTo(code);
    }

    @Test
    void describesNothingAsEmpty() {
        assertThat(divisions.describe(null)).isEmpty();
    }

    @Test
    void namesTheKeyOfACityFiledUnderTheWrongProvince() throws IOException {
        Path file = write("""
                {"provinces": {"13": "河北省", "21": "辽宁省"},
                 "focus": {"13": {"cities": [{"code": "1301", "name": "石家庄市"}, {"code": "2101", "name": "沈阳市"}]}}}
                """);

        assertThatThrownBy(() -> new AdministrativeDivisions(file))
                .isInstanceOfSatisfying(ConfigurationFileException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo(file);
                            assertThat(p.key()).isEqualTo("focus.13.cities[1].code");
                        }));
    }

    @Test
    void namesEveryBadKey() throws IOException {
        Path file = write("""
                {"provinces": {"13": "河北省", "4": "河南省", "21": ""},
                 "focus": {"41": {"cities": []}, "13": {"cities": [{"code": "1301"}]}}}
                """);

        assertThatThrownBy(() -> new AdministrativeDivisions(file))
                .isInstanceOfSatisfying(ConfigurationFileException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key)
                        .containsExactly("provinces.4", "provinces.21", "focus.41", "focus.13.cities[0].name"));
    }

    @Test
    void requiresTheProvinceList() throws IOException {
        Path file = write("{\"focus\": {}}");

        assertThatThrownBy(() -> new AdministrativeDivisions(file))
                .isInstanceOfSatisfying(ConfigurationFileException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key).containsExactly("provinces"));
    }

    private Path write(String json) throws IOException {
        return Files.writeString(tempDir.resolve(AdministrativeDivisions.FILE_NAME), json);
    }
}
