package org.qualitybenchmark.application;

/** 企业性质, as the application forms ask it. */
public enum OwnershipType {
    CENTRAL_SOE("中央企业"),
    LOCAL_SOE("地方国企"),
    PRIVATE("民营"),
    FOREIGN_INVESTED("三资"),
    OTHER("其他");

    private final String label;

    OwnershipType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
