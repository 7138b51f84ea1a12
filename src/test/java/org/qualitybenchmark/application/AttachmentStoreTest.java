package org.qualitybenchmark.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.qualitybenchmark.support.AppProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentStoreTest {

    @TempDir
    Path root;

    AttachmentStore store() throws IOException {
        return new AttachmentStore(new AppProperties(Path.of("config"), Path.of("bpmn"), Path.of("forms"), root,
                ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void keepsAnAcceptedFileUnderARandomKey() throws Exception {
        AttachmentStore store = store();
        AttachmentStore.StoredFile stored;
        try (AttachmentStore.Upload upload = store.receive(new ByteArrayInputStream(new byte[]{1, 2, 3}), 10)) {
            assertThat(upload.size()).isEqualTo(3);
            assertThat(upload.sha256()).isEqualTo("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
            stored = upload.keep("hebei-2022-national/HEB2022-0001", "application/pdf");
        }
        try (InputStream in = store.open(stored.key())) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        assertThat(files()).hasSize(1);
        store.delete(stored.key());
        assertThat(files()).isEmpty();
    }

    @Test
    void stopsReadingPastTheLimitAndKeepsNothing() throws Exception {
        AttachmentStore store = store();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 7;
            }
        };
        assertThatThrownBy(() -> store.receive(endless, 1024 * 1024)).isInstanceOf(AttachmentStore.TooLargeException.class);
        assertThat(files()).isEmpty();
    }

    @Test
    void anUploadNotKeptIsDeletedOnClose() throws Exception {
        AttachmentStore store = store();
        try (AttachmentStore.Upload upload = store.receive(new ByteArrayInputStream(new byte[100]), 1000)) {
            assertThat(files()).hasSize(1);
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void refusesKeysOutsideTheStore() throws Exception {
        AttachmentStore store = store();
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    private java.util.List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
