package org.qualitybenchmark.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.IdentityDirectory;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;
import org.qualitybenchmark.support.TextInput;

/**
 * The expert pool. An expert must be a login of the identity service in the experts group, so that
 * the tasks the procedure assigns to them reach someone who can open them.
 */
@Service
public class ExpertService {

    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}");

    private final ExpertRepository experts;
    private final IdentityDirectory directory;
    private final CampaignCatalog catalog;
    private final Clock clock;

    ExpertService(ExpertRepository experts, IdentityDirectory directory, CampaignCatalog catalog, Clock clock) {
        this.experts = experts;
        this.directory = directory;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * What the office enters for an expert.
     *
     * @param unit   the code of the recommending unit the expert works for, if any (e.g. he-1301)
     * @param active whether the expert is assigned new cases; absent means yes
     */
    public record ExpertInput(String userId, String name, String organisation, String unit, Boolean active) {
    }

    public record ExpertView(String userId, String name, String organisation, String unit, String unitName,
            boolean active, String registeredBy, Instant registeredAt, Instant updatedAt) {
    }

    @Transactional
    public ExpertView register(ExpertInput input, AppUser actor) {
        OfficeAccess.require(actor, "register experts");
        Checked checked = check(input, true);
        if (experts.findByUserId(checked.userId()).isPresent()) {
            throw new ConflictException("expert.exists", "专家“" + checked.userId() + "”已在专家库中，请修改其信息");
        }
        Instant now = clock.instant();
        Expert expert = new Expert(checked.userId(), actor.id(), now);
        expert.update(checked.name(), checked.organisation(), checked.unitId(), checked.active(), now);
        return view(experts.saveAndFlush(expert));
    }

    /** Changes an expert's details; {@code active: false} takes them out of future assignments. */
    @Transactional
    public ExpertView update(String userId, ExpertInput input, AppUser actor) {
        OfficeAccess.require(actor, "change experts");
        Expert expert = experts.findByUserId(userId)
                .orElseThrow(() -> new NotFoundException("专家库中没有“" + userId + "”"));
        Checked checked = check(new ExpertInput(userId, input.name(), input.organisation(), input.unit(),
                input.active()), false);
        expert.update(checked.name(), checked.organisation(), checked.unitId(), checked.active(), clock.instant());
        return view(expert);
    }

    @Transactional(readOnly = true)
    public List<ExpertView> list() {
        return experts.findAllByOrderByUserId().stream().map(this::view).toList();
    }

    private record Checked(String userId, String name, String organisation, Long unitId, boolean active) {
    }

    private Checked check(ExpertInput input, boolean newExpert) {
        List<FieldViolation> violations = new ArrayList<>();
        String userId = input.userId() == null ? null : input.userId().strip();
        if (userId == null || userId.isEmpty()) {
            violations.add(new FieldViolation("userId", "required", "请填写专家的登录账号"));
        } else if (!USER_ID.matcher(userId).matches()) {
            violations.add(new FieldViolation("userId", "format", "登录账号只能使用字母、数字、下划线、点和连字符，不超过64位"));
        } else if (newExpert) {
            Optional<AppUser> user = directory.find(userId);
            if (user.isEmpty()) {
                violations.add(new FieldViolation("userId", "expert.noLogin",
                        "系统中没有登录账号“" + userId + "”，请先在 Camunda Admin 中创建该用户"));
            } else if (!user.get().has(Role.EXPERT)) {
                violations.add(new FieldViolation("userId", "expert.notInGroup",
                        "用户“" + userId + "”不在评审专家组中，请先在 Camunda Admin 中将其加入评审专家组"));
            }
        }
        String name = TextInput.required(input.name(), "name", "专家姓名", 100, violations);
        String organisation = TextInput.required(input.organisation(), "organisation", "工作单位", 200, violations);
        Long unitId = null;
        String unitCode = input.unit() == null || input.unit().isBlank() ? null : input.unit().strip();
        if (unitCode != null) {
            Optional<UnitRef> unit = catalog.unit(unitCode);
            if (unit.isEmpty()) {
                violations.add(new FieldViolation("unit", "unit.unknown", "推荐单位目录中没有“" + unitCode + "”"));
            } else {
                unitId = unit.get().id();
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return new Checked(userId, name, organisation, unitId, input.active() == null || input.active());
    }


    private ExpertView view(Expert expert) {
        UnitRef unit = expert.getUnitId() == null ? null : catalog.unit(expert.getUnitId());
        return new ExpertView(expert.getUserId(), expert.getName(), expert.getOrganisation(),
                unit == null ? null : unit.code(), unit == null ? null : unit.name(), expert.isActive(),
                expert.getRegisteredBy(), expert.getRegisteredAt(), expert.getUpdatedAt());
    }
}
