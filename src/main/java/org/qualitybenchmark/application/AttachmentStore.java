package org.qualitybenchmark.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.Hashes;

/**
 * Keeps attachment bytes on disk under {@code qb.storage-dir}, named by a random key so that no
 * client-supplied name ever becomes a path. An upload is first written to a temporary file while
 * its size is counted; only a file that passed every check is moved into place, and it is synced
 * to disk before the database row that refers to it is committed.
 */
@Component
class AttachmentStore {

    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path incoming;

    AttachmentStore(AppProperties properties) throws IOException {
        this.root = properties.storageDir().toAbsolutePath().normalize();
        this.incoming = root.resolve("incoming");
        Files.createDirectories(incoming);
    }

    /** A file in the store. */
    record StoredFile(String key, String contentType, long size, String sha256) {
    }

    /** An upload being checked; close it to delete it unless it was kept. */
    final class Upload implements AutoCloseable {
        private final Path temp;
        private final long size;
        private final String sha256;
        private boolean kept;

        private Upload(Path temp, long size, String sha256) {
            this.temp = temp;
            this.size = size;
            this.sha256 = sha256;
        }

        long size() {
            return size;
        }

        String sha256() {
            return sha256;
        }

        InputStream open() throws IOException {
            return Files.newInputStream(temp);
        }

        /** Moves the file into the store under a new key, durably. */
        StoredFile keep(String folder, String contentType) {
            String key = folder + "/" + UUID.randomUUID();
            Path target = root.resolve(key).normalize();
            if (!target.startsWith(root)) {
                throw new IllegalArgumentException("Storage folder escapes the store: " + folder);
            }
            try {
                Files.createDirectories(target.getParent());
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                fsync(target.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            kept = true;
            return new StoredFile(key, contentType, size, sha256);
        }

        @Override
        public void close() {
            if (!kept) {
                deleteQuietly(temp);
            }
        }
    }

    /** Thrown when an upload grows past its limit; the partial file is already gone. */
    static final class TooLargeException extends Exception {
        TooLargeException() {
            super(null, null, false, false);
        }
    }

    /** Reads an upload to a temporary file, stopping as soon as it exceeds {@code limit} bytes. */
    Upload receive(InputStream in, long limit) throws IOException, TooLargeException {
        Path temp = Files.createTempFile(incoming, "upload-", ".part");
        boolean ok = false;
        try {
            MessageDigest digest = Hashes.sha256();
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp, StandardOpenOption.WRITE), digest)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    size += n;
                    if (size > limit) {
                        throw new TooLargeException();
                    }
                    out.write(buffer, 0, n);
                }
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            ok = true;
            return new Upload(temp, size, Hashes.hex(digest));
        } finally {
            if (!ok) {
                deleteQuietly(temp);
            }
        }
    }

    InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    void delete(String key) {
        deleteQuietly(resolve(key));
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.startsWith(incoming)) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return path;
    }

    private static void fsync(Path directory) {
        // Makes the rename itself durable; not every platform lets a directory be opened for this.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Windows cannot open directories; the file's own data was forced already.
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A leftover in incoming/ is harmless and never referenced.
        }
    }
}
