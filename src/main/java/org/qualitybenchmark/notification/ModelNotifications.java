package org.qualitybenchmark.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.IdentityDirectory;
import org.qualitybenchmark.access.RoleGroups;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.ApplicationRepository;
import org.qualitybenchmark.review.ExpertAssignmentService;
import org.qualitybenchmark.review.ReviewStage;

/**
 * Notifications a process owner adds to a model without Java: the model names a template and who
 * receives it (see {@link #RECIPIENT_KINDS}), the case is the process's business key (its case
 * number). Such templates may use only the case's own variables, since a model has no other
 * values to give; a template or a recipient the system cannot serve is refused with a message
 * that names it, so the step fails visibly instead of sending nothing.
 */
@Service
public class ModelNotifications {

    /** The recipient kinds a model may name, besides {@code group:<id>} and {@code user:<id>}. */
    public static final List<String> RECIPIENT_KINDS = List.of("applicant", "unit", "office", "managers", "experts");
    private static final String GROUP = "group:";
    private static final String USER = "user:";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,，、;；]+");

    private final NotificationService notifications;
    private final NotificationTemplates templates;
    private final CaseNotifications cases;
    private final ApplicationRepository applications;
    private final ExpertAssignmentService experts;
    private final RoleGroups groups;
    private final IdentityDirectory directory;

    ModelNotifications(NotificationService notifications, NotificationTemplates templates, CaseNotifications cases,
            ApplicationRepository applications, ExpertAssignmentService experts, RoleGroups groups,
            IdentityDirectory directory) {
        this.notifications = notifications;
        this.templates = templates;
        this.cases = cases;
        this.applications = applications;
        this.experts = experts;
        this.groups = groups;
        this.directory = directory;
    }

    /**
     * Queues the template for the case's recipients, in the caller's (the process step's) transaction.
     *
     * @param eventKey   the same for every attempt of one step, so a repeated step sends nothing twice
     * @param recipients recipient kinds separated by commas, 、 or spaces, e.g. "applicant, unit"
     * @return how many messages were queued now (0 when everyone already had this event's message)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int notify(String caseNumber, String templateKey, String recipients, String eventKey) {
        List<String> kinds = recipientKinds(recipients);
        checkTemplate(templateKey);
        if (caseNumber == null || caseNumber.isBlank()) {
            throw new IllegalArgumentException("流程实例没有业务键（案件编号），无法确定发送通知“" + templateKey
                    + "”的案件；请在调用该流程的调用活动上传递业务键（camunda:in businessKey）");
        }
        Application application = applications.findByCaseNumber(caseNumber)
                .orElseThrow(() -> new IllegalArgumentException("业务键“" + caseNumber + "”不是任何案件的编号，无法发送通知“"
                        + templateKey + "”"));
        Set<String> users = new LinkedHashSet<>();
        for (String kind : kinds) {
            users.addAll(resolve(kind, application));
        }
        return notifications.notify(eventKey, templateKey, users, cases.caseValues(application)).size();
    }

    /** The keys of the templates a model may send: those that need no more than the case's own variables. */
    public Set<String> templatesForModels() {
        return usableInModels(templates);
    }

    public static Set<String> usableInModels(NotificationTemplates templates) {
        Set<String> keys = new TreeSet<>();
        for (String key : templates.keys()) {
            if (CaseNotifications.CASE.containsAll(templates.get(key).variables())) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Refuses a template that does not exist or needs a value a model cannot give. */
    public void checkTemplate(String templateKey) {
        if (templateKey == null || templateKey.isBlank()) {
            throw new IllegalArgumentException("未指定通知模板：请在输入参数 notifyTemplate 中填写模板的 key");
        }
        NotificationTemplate template = templates.find(templateKey.strip()).orElseThrow(() -> new IllegalArgumentException(
                "没有通知模板“" + templateKey + "”；可用的模板：" + String.join("、", new TreeSet<>(templates.keys()))));
        List<String> missing = template.variables().stream().filter(v -> !CaseNotifications.CASE.contains(v)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("通知模板“" + templateKey + "”用到的变量" + String.join("、", missing)
                    + "只有系统的特定环节能提供，流程模型中只能使用案件本身的变量（"
                    + String.join("、", new TreeSet<>(CaseNotifications.CASE)) + "）");
        }
    }

    /**
     * The recipient kinds named in {@code recipients}, each checked.
     *
     * @throws IllegalArgumentException naming the unknown kind and the known ones
     */
    public static List<String> recipientKinds(String recipients) {
        List<String> kinds = recipients == null ? List.of()
                : Arrays.stream(SEPARATORS.split(recipients.strip())).filter(s -> !s.isEmpty()).toList();
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("未指定通知的接收人：请在输入参数 notifyRecipients 中填写，如 applicant, unit");
        }
        List<String> unknown = new ArrayList<>();
        for (String kind : kinds) {
            boolean named = (kind.startsWith(GROUP) && kind.length() > GROUP.length())
                    || (kind.startsWith(USER) && kind.length() > USER.length());
            if (!named && !RECIPIENT_KINDS.contains(kind)) {
                unknown.add(kind);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("无法识别的通知接收人“" + String.join("、", unknown) + "”；可用的有：applicant（申报企业）、"
                    + "unit（推荐单位工作人员）、office（组织单位）、managers（主管领导）、experts（该案件的评审专家）、"
                    + "group:组id、user:登录名");
        }
        return kinds;
    }

    private List<String> resolve(String kind, Application application) {
        if (kind.startsWith(GROUP)) {
            return directory.memberIds(kind.substring(GROUP.length()));
        }
        if (kind.startsWith(USER)) {
            return List.of(kind.substring(USER.length()));
        }
        return switch (kind) {
            case "applicant" -> List.of(application.getOwnerUserId());
            case "unit" -> cases.unitStaff(application);
            case "office" -> directory.memberIds(groups.office());
            case "managers" -> directory.memberIds(groups.managers());
            case "experts" -> Arrays.stream(ReviewStage.values())
                    .flatMap(stage -> experts.assigned(application.getId(), stage).stream()).distinct().toList();
            default -> throw new IllegalStateException(kind);
        };
    }
}
