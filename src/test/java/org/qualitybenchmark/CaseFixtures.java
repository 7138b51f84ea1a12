package org.qualitybenchmark;

import java.io.ByteArrayInputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.transaction.support.TransactionTemplate;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.access.SystemActor;
import org.qualitybenchmark.application.ApplicationForm;
import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.application.AttachmentService;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseProgress;
import org.qualitybenchmark.application.CaseStage;

/** Cases made through the services, as the applicant and the units would make them, and the users who act on them. */
public final class CaseFixtures {

    public static final AppUser APPLICANT = new AppUser("applicant1", "申报人一", Set.of(Role.APPLICANT), Set.of());
    public static final AppUser OTHER_APPLICANT = new AppUser("applicant2", "申报人二", Set.of(Role.APPLICANT), Set.of());
    public static final AppUser OFFICE = new AppUser("office", "组织单位", Set.of(Role.OFFICE), Set.of("office"));
    public static final AppUser MANAGER = new AppUser("manager", "管理人员", Set.of(Role.MANAGER), Set.of("managers"));

    private final ApplicationService applications;
    private final AttachmentService attachments;
    private final CaseProgress progress;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    public CaseFixtures(ApplicationService applications, AttachmentService attachments, CaseProgress progress,
            TransactionTemplate transactions, ObjectMapper json) {
        this.applications = applications;
        this.attachments = attachments;
        this.progress = progress;
        this.transactions = transactions;
        this.json = json;
    }

    /** A member of the unit's staff group, e.g. {@code staff("he-1301")}. */
    public static AppUser staff(String unitCode) {
        return new AppUser("staff-" + unitCode, unitCode + "工作人员", Set.of(Role.UNIT_STAFF), Set.of("unit-" + unitCode));
    }

    /** The complete Hebei form of {@link ApiTestSupport#completeForm}, for this campaign. */
    public ApplicationForm form(String campaign, String unit, String enterpriseName) {
        Map<String, Object> form = ApiTestSupport.completeForm(ApiTestSupport.freshHebeiUscc(), unit, enterpriseName);
        form.put("campaign", campaign);
        return json.convertValue(form, ApplicationForm.class);
    }

    /** The complete form of an existing case, as its applicant would send it to change it. */
    public ApplicationForm edit(long id, String unit, String title) {
        var detail = applications.get(id, APPLICANT);
        Map<String, Object> form = ApiTestSupport.completeForm(detail.enterprise().uscc(), unit, detail.enterprise().name());
        form.put("campaign", detail.campaign());
        form.put("title", title);
        return json.convertValue(form, ApplicationForm.class);
    }

    public long draft(String campaign, String unit, String enterpriseName) {
        return applications.create(form(campaign, unit, enterpriseName), null, APPLICANT).detail().id();
    }

    /** A complete case with every required file, submitted by the applicant. */
    public long submitted(String campaign, String unit, String enterpriseName) {
        long id = draft(campaign, unit, enterpriseName);
        for (String kind : List.of("application", "experience", "evidence")) {
            attachments.upload(id, kind, kind + ".pdf", new ByteArrayInputStream(Samples.pdf()), APPLICANT);
        }
        applications.submit(id, APPLICANT);
        return id;
    }

    /** Puts a case in a stage the modules of later steps would have moved it to. */
    public void force(long id, CaseStage stage) {
        transactions.executeWithoutResult(status -> progress.move(id, EnumSet.allOf(CaseStage.class), stage,
                CaseAction.UPDATED, "TEST", "测试：置于" + stage.label() + "阶段", SystemActor.INSTANCE));
    }

    public CaseStage stage(long id) {
        return applications.snapshot(id).stage();
    }
}
