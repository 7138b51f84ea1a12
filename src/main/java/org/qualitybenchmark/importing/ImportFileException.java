package org.qualitybenchmark.importing;

/** A file that cannot be read as the expected template at all; the message says why, in Chinese. */
class ImportFileException extends Exception {

    ImportFileException(String message) {
        super(message);
    }
}
