package org.qualitybenchmark.application;

/**
 * Counts characters the way word limits in the notices (e.g. 摘要500字以内) are meant: every
 * character counts once, a character outside the Basic Multilingual Plane too, and white space
 * (line breaks, indentation) does not count.
 */
final class TextLength {

    private TextLength() {
    }

    static int count(String text) {
        if (text == null) {
            return 0;
        }
        return (int) text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).count();
    }
}
