package org.qualitybenchmark.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.tika.mime.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

import org.qualitybenchmark.support.RuleViolationException;

/**
 * The checks and the store every uploaded file goes through, for files that are not a case's own
 * attachments (a recommending unit's documents): a safe name, an allowed extension, bytes that are
 * what the extension says, a size within the limit while streaming. Nothing is kept of a file that
 * fails; a kept file is deleted again if the transaction that records it rolls back.
 */
@Component
public class FileIntake {

    private final AttachmentStore store;
    private final ContentTypes contentTypes;

    FileIntake(AttachmentStore store, ContentTypes contentTypes) {
        this.store = store;
        this.contentTypes = contentTypes;
    }

    /** A file in the store, as recorded by its owner's table. */
    public record StoredFile(String key, String name, String contentType, long size, String sha256) {
    }

    /** A checked upload waiting to be kept; close it to throw it away unless kept. */
    public final class Received implements AutoCloseable {
        private final AttachmentStore.Upload upload;
        private final String name;
        private final String contentType;

        private Received(AttachmentStore.Upload upload, String name, String contentType) {
            this.upload = upload;
            this.name = name;
            this.contentType = contentType;
        }

        public String name() {
            return name;
        }

        public long size() {
            return upload.size();
        }

        /**
         * Moves the file into the store under {@code folder}; call inside the transaction that
         * records it, which deletes the file again if it rolls back.
         */
        public StoredFile keep(String folder) {
            AttachmentStore.StoredFile stored = upload.keep(folder, contentType);
            deleteUnlessCommitted(stored.key());
            return new StoredFile(stored.key(), name, stored.contentType(), stored.size(), stored.sha256());
        }

        @Override
        public void close() {
            upload.close();
        }
    }

    /**
     * Receives and checks one file of the kind called {@code label} (e.g. 推荐汇总表（附件3）).
     *
     * @throws RuleViolationException on field {@code file} with a message naming the file and the kind
     */
    public Received receive(String fileName, InputStream content, String label, List<String> extensions,
            DataSize maxFileSize) {
        FileNames.Result result = FileNames.check(fileName);
        if (!result.ok()) {
            throw new RuleViolationException("file", "attachment.name", result.refusal());
        }
        String name = result.name();
        if (!extensions.contains(FileNames.extension(name).orElse(""))) {
            throw new RuleViolationException("file", "attachment.extension",
                    "“" + label + "”只接受" + String.join("、", extensions) + "格式的文件，“" + name + "”不符合");
        }
        AttachmentStore.Upload upload;
        try {
            upload = store.receive(content, maxFileSize.toBytes());
        } catch (AttachmentStore.TooLargeException e) {
            throw new RuleViolationException("file", "attachment.tooLarge",
                    "单个“" + label + "”文件不能超过" + AttachmentService.human(maxFileSize));
        } catch (IOException e) {
            throw new UncheckedIOException("Upload interrupted", e);
        }
        boolean accepted = false;
        try {
            if (upload.size() == 0) {
                throw new RuleViolationException("file", "attachment.empty", "文件“" + name + "”是空文件");
            }
            Received received = new Received(upload, name, checkContent(upload, name));
            accepted = true;
            return received;
        } finally {
            if (!accepted) {
                upload.close();
            }
        }
    }

    public InputStream open(String key) {
        try {
            return store.open(key);
        } catch (IOException e) {
            throw new UncheckedIOException("File " + key + " is missing from the store", e);
        }
    }

    /** Deletes the file once the transaction that removed its record has committed. */
    public void deleteAfterCommit(String key) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                store.delete(key);
            }
        });
    }

    private void deleteUnlessCommitted(String key) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    store.delete(key);
                }
            }
        });
    }

    private String checkContent(AttachmentStore.Upload upload, String name) {
        try (InputStream in = upload.open()) {
            MediaType actual = contentTypes.detect(in);
            MediaType expected = contentTypes.expected(name);
            if (!contentTypes.matches(expected, actual)) {
                throw new RuleViolationException("file", "attachment.contentMismatch",
                        "文件“" + name + "”的内容与扩展名不符（内容为 " + actual + "），请检查是否上传了正确的文件");
            }
            return (MediaType.OCTET_STREAM.equals(expected) ? actual : expected).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
