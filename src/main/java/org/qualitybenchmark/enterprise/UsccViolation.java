package org.qualitybenchmark.enterprise;

/** Why a USCC was rejected, with a message to show the person who typed it. */
public record UsccViolation(Kind kind, String message) {

    public enum Kind {
        REQUIRED,
        LENGTH,
        CHARACTER,
        REGION_FORMAT,
        /**
         * The code is well formed but position 18 does not match. A few codes issued in the 2015
         * Fujian pilot fail this check yet are legally valid, so callers may offer an override here.
         */
        CHECK_DIGIT
    }
}
