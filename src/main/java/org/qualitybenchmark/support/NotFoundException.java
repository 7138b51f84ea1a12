package org.qualitybenchmark.support;

/**
 * Nothing there, or nothing this user may see: the API answers both alike so that a unit cannot
 * learn which case numbers exist in another unit.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
