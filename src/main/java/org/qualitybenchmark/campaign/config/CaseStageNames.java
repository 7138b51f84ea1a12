package org.qualitybenchmark.campaign.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of the case stages a configuration file may use (e.g. {@code uploadStages}), with
 * their labels for error messages. The stages themselves belong to the application module, which
 * depends on this one; this copy lets a wrong name stop start-up with the file and key, and a
 * test in the application module keeps it equal to {@code CaseStage}.
 */
public final class CaseStageNames {

    public static final Map<String, String> LABELS = labels();

    private CaseStageNames() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("DRAFT", "草稿");
        labels.put("SUBMITTED", "待初审");
        labels.put("CORRECTION", "退回补正");
        labels.put("PROPOSED", "拟推荐");
        labels.put("NOT_RECOMMENDED", "未获推荐");
        labels.put("FORMAL_REVIEW", "形式审查");
        labels.put("REJECTED", "形式审查未通过");
        labels.put("MATERIAL_REVIEW", "资料评审");
        labels.put("BELOW_CUTOFF", "未进入答辩");
        labels.put("DEFENSE", "答辩评审");
        labels.put("DEFENSE_FAILED", "答辩未通过");
        labels.put("SITE_VISIT", "现场考察");
        labels.put("SITE_VISIT_FAILED", "现场考察未通过");
        labels.put("SHORTLISTED", "待定推荐名单");
        labels.put("NOT_SELECTED", "未入选");
        labels.put("PUBLIC_NOTICE", "公示中");
        labels.put("ONLINE_SUBMISSION", "待网上申报");
        labels.put("SUBMITTED_ONLINE", "已网上申报");
        labels.put("ONLINE_SUBMISSION_MISSED", "逾期未网上申报");
        labels.put("REMOVED", "取消入选");
        labels.put("ANNOUNCED", "已公告");
        labels.put("REVOKED", "已撤销称号");
        labels.put("WITHDRAWN", "已撤回");
        labels.put("EXPIRED", "逾期");
        return Collections.unmodifiableMap(labels);
    }
}
