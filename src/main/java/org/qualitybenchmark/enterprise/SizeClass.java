package org.qualitybenchmark.enterprise;

/**
 * Statistical enterprise size class of 国统字〔2017〕213号. Declared from smallest to largest, so the
 * natural order ({@link #compareTo}) is by size and the smaller of two classes is the lesser one.
 */
public enum SizeClass {
    MICRO("微型"),
    SMALL("小型"),
    MEDIUM("中型"),
    LARGE("大型");

    private final String label;

    SizeClass(String label) {
        this.label = label;
    }

    /** The Chinese name used on forms and in notices. */
    public String label() {
        return label;
    }
}
