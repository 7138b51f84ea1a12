package org.qualitybenchmark.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands in the selection procedure. The BPMN models hold the flow; this is the
 * case's own record of it, so lists, quotas and dashboards never have to ask the engine.
 */
public enum CaseStage {
    DRAFT("草稿"),
    SUBMITTED("待初审"),
    CORRECTION("退回补正"),
    PROPOSED("拟推荐"),
    NOT_RECOMMENDED("未获推荐"),
    FORMAL_REVIEW("形式审查"),
    REJECTED("形式审查未通过"),
    MATERIAL_REVIEW("资料评审"),
    BELOW_CUTOFF("未进入答辩"),
    DEFENSE("答辩评审"),
    DEFENSE_FAILED("答辩未通过"),
    SITE_VISIT("现场考察"),
    SITE_VISIT_FAILED("现场考察未通过"),
    SHORTLISTED("待定推荐名单"),
    NOT_SELECTED("未入选"),
    PUBLIC_NOTICE("公示中"),
    ONLINE_SUBMISSION("待网上申报"),
    SUBMITTED_ONLINE("已网上申报"),
    ONLINE_SUBMISSION_MISSED("逾期未网上申报"),
    REMOVED("取消入选"),
    ANNOUNCED("已公告"),
    REVOKED("已撤销称号"),
    WITHDRAWN("已撤回"),
    EXPIRED("逾期");

    /** Stages a case never leaves by the procedure (an announced title can still be revoked). */
    public static final Set<CaseStage> FINAL = EnumSet.of(NOT_RECOMMENDED, REJECTED, BELOW_CUTOFF, DEFENSE_FAILED,
            SITE_VISIT_FAILED, NOT_SELECTED, REMOVED, ANNOUNCED, REVOKED, WITHDRAWN, EXPIRED, SUBMITTED_ONLINE,
            ONLINE_SUBMISSION_MISSED);

    private final String label;

    CaseStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return FINAL.contains(this);
    }
}
