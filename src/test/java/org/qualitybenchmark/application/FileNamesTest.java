package org.qualitybenchmark.application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(FileNames.check("C:\\Users\\张三\\桌面\\申报书.pdf").name()).isEqualTo("申报书.pdf");
        assertThat(FileNames.check("../../etc/申报书.pdf").name()).isEqualTo("申报书.pdf");
    }

    @Test
    void normalisesToComposedForm() {
        String decomposed = "Cafe\u0301.pdf";
        assertThat(FileNames.check(decomposed).name()).isEqualTo("Caf\u00e9.pdf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "..", "a:b.pdf", "a*b.pdf", "a?b.pdf", "a<b>.pdf", "a|b.pdf", "a\"b.pdf",
            "a\u0000b.pdf", "a\nb.pdf", ".hidden.pdf", "name.", "CON.pdf", "lpt1.docx", "noextension",
            "evil\u202Efdp.exe"})
    void refusesUnsafeNames(String name) {
        FileNames.Result result = FileNames.check(name);
        assertThat(result.ok()).as(name).isFalse();
        assertThat(result.refusal()).isNotBlank();
    }

    @Test
    void refusesOverlongNames() {
        assertThat(FileNames.check("企".repeat(201) + ".pdf").ok()).isFalse();
        assertThat(FileNames.check("企".repeat(190) + ".pdf").ok()).isTrue();
    }

    @Test
    void readsExtensionAndStem() {
        assertThat(FileNames.extension("河北示例有限公司.RAR")).contains("rar");
        assertThat(FileNames.stem("河北示例有限公司.rar")).isEqualTo("河北示例有限公司");
        assertThat(FileNames.extension("archive.tar.gz")).contains("gz");
    }
}
