package org.qualitybenchmark.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.Test;

import org.qualitybenchmark.Samples;

import static org.assertj.core.api.Assertions.assertThat;

class ContentTypesTest {

    private final ContentTypes types = new ContentTypes();

    @Test
    void acceptsFilesWhoseBytesMatchTheirNames() throws IOException {
        assertThat(fits("申报书.pdf", Samples.pdf())).isTrue();
        assertThat(fits("典型经验.docx", Samples.zip())).isTrue();
        assertThat(fits("证实性材料.zip", Samples.zip())).isTrue();
        assertThat(fits("照片.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13})).isTrue();
        assertThat(fits("全国申报材料.rar", new byte[]{'R', 'a', 'r', '!', 0x1a, 0x07, 0x00, 0, 0, 0})).isTrue();
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 0, ole2, 0, 8);
        assertThat(fits("申报书.doc", ole2)).isTrue();
    }

    @Test
    void refusesFilesDisguisedByTheirExtension() throws IOException {
        assertThat(fits("申报书.pdf", Samples.text())).isFalse();
        assertThat(fits("申报书.pdf", Samples.zip())).isFalse();
        assertThat(fits("申报书.docx", Samples.pdf())).isFalse();
        assertThat(fits("压缩包.rar", Samples.zip())).isFalse();
    }

    private boolean fits(String name, byte[] content) throws IOException {
        MediaType actual = types.detect(new ByteArrayInputStream(content));
        return types.matches(types.expected(name), actual);
    }
}
