package org.qualitybenchmark.application;

/** What happened to a case. */
public enum CaseAction {
    CREATED("创建申报"),
    UPDATED("修改申报"),
    SUBMITTED("提交申报"),
    WITHDRAWN("撤回申报"),
    ATTACHMENT_ADDED("上传附件"),
    ATTACHMENT_REMOVED("删除附件"),
    USCC_OVERRIDE_APPLIED("按备案例外接受统一社会信用代码");

    private final String label;

    CaseAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
