package org.qualitybenchmark.notification;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables the system can put into a notification, with what each holds. A template may name
 * only these; which of them an event actually supplies is checked where the event is wired up
 * ({@link NotificationTemplates#require}).
 */
public final class TemplateVariables {

    public static final String CASE_NUMBER = "caseNumber";
    public static final String ENTERPRISE_NAME = "enterpriseName";
    public static final String TITLE = "title";
    public static final String CAMPAIGN_NAME = "campaignName";
    public static final String UNIT_NAME = "unitName";
    public static final String SUBMITTED_AT = "submittedAt";
    public static final String REASON = "reason";
    public static final String CORRECTION_DUE = "correctionDue";
    public static final String RETURNED_FROM = "returnedFrom";
    public static final String DECISION = "decision";
    public static final String RANK = "rank";
    public static final String LINK = "link";
    public static final String REVIEW_STAGE = "reviewStage";
    public static final String DEFENSE_AT = "defenseAt";
    public static final String DEFENSE_PLACE = "defensePlace";
    public static final String NOTICE_PERIOD = "noticePeriod";
    public static final String DEADLINE_NAME = "deadlineName";
    public static final String DEADLINE = "deadline";
    public static final String WORKING_DAYS_LEFT = "workingDaysLeft";
    public static final String OPEN_WORK = "openWork";
    public static final String TASK_LIST = "taskList";
    public static final String TASK_NAME = "taskName";
    public static final String TASK_HOLDER = "taskHolder";
    public static final String REFERENCE = "reference";
    public static final String OVERDUE_WORKING_DAYS = "overdueWorkingDays";

    static final Map<String, String> KNOWN;

    static {
        Map<String, String> known = new LinkedHashMap<>();
        known.put(CASE_NUMBER, "案件编号");
        known.put(ENTERPRISE_NAME, "企业名称");
        known.put(TITLE, "申报案例名称");
        known.put(CAMPAIGN_NAME, "遴选活动名称");
        known.put(UNIT_NAME, "推荐单位名称");
        known.put(SUBMITTED_AT, "提交时间（北京时间）");
        known.put(REASON, "原因或意见");
        known.put(CORRECTION_DUE, "补正截止日期");
        known.put(RETURNED_FROM, "退回时所处的环节（推荐单位初审或形式审查）");
        known.put(DECISION, "结论");
        known.put(RANK, "推荐排序");
        known.put(LINK, "案件页面的网址");
        known.put(REVIEW_STAGE, "评审环节（资料评审、答辩评审、现场考察）");
        known.put(DEFENSE_AT, "答辩开始时间（北京时间）和时长");
        known.put(DEFENSE_PLACE, "答辩地点");
        known.put(NOTICE_PERIOD, "公示期（起止日期和工作日数）");
        known.put(DEADLINE_NAME, "截止事项（如 申报截止日期、补正截止日期）");
        known.put(DEADLINE, "截止日期（当天全天有效）");
        known.put(WORKING_DAYS_LEFT, "今天之后到截止日（含）还有几个工作日");
        known.put(OPEN_WORK, "尚未完成的事项");
        known.put(TASK_LIST, "即将到期的待办任务，每行一项");
        known.put(TASK_NAME, "逾期任务的名称");
        known.put(TASK_HOLDER, "逾期任务的办理人或办理单位");
        known.put(REFERENCE, "任务所属的案件编号或活动代码");
        known.put(OVERDUE_WORKING_DAYS, "任务已逾期的工作日数");
        KNOWN = Map.copyOf(known);
    }

    private TemplateVariables() {
    }

    static boolean known(String name) {
        return KNOWN.containsKey(name);
    }
}
