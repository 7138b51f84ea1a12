package org.qualitybenchmark.application;

/** What happened to a case. */
public enum CaseAction {
    CREATED("创建申报"),
    UPDATED("修改申报"),
    SUBMITTED("提交申报"),
    WITHDRAWN("撤回申报"),
    ATTACHMENT_ADDED("上传附件"),
    ATTACHMENT_REMOVED("删除附件"),
    USCC_OVERRIDE_APPLIED("按备案例外接受统一社会信用代码"),
    RETURNED_FOR_CORRECTION("退回补正"),
    RESUBMITTED("补正后重新提交"),
    EXPIRED("逾期未办理"),
    COUNTY_SCREENED("县级初审"),
    COUNTY_SITE_CHECKED("县区现场核查"),
    SCREENED("推荐单位初审"),
    RANKED("推荐排序"),
    RECOMMENDED("列入推荐名单"),
    NOT_RECOMMENDED("未列入推荐名单"),
    MATERIALS_CHECKED("自动检查申报材料"),
    FORMAL_REVIEWED("形式审查"),
    EXPERTS_ASSIGNED("分配评审专家"),
    SCORED("专家评分"),
    SCORES_AGGREGATED("汇总评分"),
    DEFENSE_LIST_SET("确定答辩名单"),
    REVIEW_CONCLUDED("确定评审结果"),
    DEFENSE_CONCLUDED("合议答辩结果"),
    SITE_VISITED("现场考察"),
    SHORTLIST_DECIDED("确定推荐名单"),
    PUBLIC_NOTICE_STARTED("开始公示"),
    OBJECTION_RECEIVED("收到异议"),
    OBJECTION_DECIDED("异议核实结论"),
    PUBLIC_NOTICE_ENDED("公示期满"),
    ANNOUNCED("结果公告"),
    REMOVED("取消入选"),
    REVOKED("撤销称号"),
    PROVINCE_RECOMMENDED("推荐参加省质量标杆遴选"),
    ONLINE_SUBMISSION_OPENED("开始网上申报"),
    ONLINE_SUBMISSION_CONFIRMED("确认网上申报"),
    ONLINE_SUBMISSION_MISSED("逾期未网上申报"),
    DEADLINE_CHANGED("调整截止日期");

    private final String label;

    CaseAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
