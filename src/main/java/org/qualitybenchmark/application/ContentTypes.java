package org.qualitybenchmark.application;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * Tells what a file really is from its first bytes (Apache Tika's magic numbers), so that a file
 * renamed to {@code .pdf} is not taken for a PDF.
 */
@Component
class ContentTypes {

    private final MimeTypes mimeTypes = TikaConfig.getDefaultConfig().getMimeRepository();
    private final MediaTypeRegistry registry = mimeTypes.getMediaTypeRegistry();

    /** What the content is, by its bytes alone. */
    MediaType detect(InputStream content) throws IOException {
        try (InputStream in = new BufferedInputStream(content)) {
            return mimeTypes.detect(in, new Metadata());
        }
    }

    /** What a file of this name should be, by its extension alone. */
    MediaType expected(String fileName) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        return mimeTypes.detect(null, metadata);
    }

    /**
     * Whether content detected as {@code actual} fits a name that says {@code expected}: the same
     * type, or the name is a specialisation of the container the bytes show (a .docx is a zip,
     * a .doc an OLE2 compound file) that magic numbers alone cannot tell apart.
     */
    boolean matches(MediaType expected, MediaType actual) {
        if (expected.equals(actual)) {
            return true;
        }
        if (MediaType.OCTET_STREAM.equals(actual)) {
            return false;
        }
        return registry.isSpecializationOf(expected, actual) || registry.isSpecializationOf(actual, expected);
    }
}
