package org.qualitybenchmark.application;

/** Where a case stands. The selection procedure adds the stages after submission. */
public enum CaseStage {
    DRAFT("草稿"),
    SUBMITTED("已提交"),
    WITHDRAWN("已撤回");

    private final String label;

    CaseStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
