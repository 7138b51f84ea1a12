package org.qualitybenchmark.nomination;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.application.Application;
import org.qualitybenchmark.application.ApplicationRepository;
import org.qualitybenchmark.application.CaseAction;
import org.qualitybenchmark.application.CaseProgress;
import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * The organiser's recommendation of its past benchmarks to the province (洛阳 2023 通知二: 在历年市质量标杆中
 * 择优筛选和推荐上报，具体指标名额以省工信厅通知为准).
 *
 * <p>The candidates of a round are the announced cases (已公告) of every campaign at the same level and
 * in the same region as the round's campaign: Luoyang's municipal campaigns of every year. The office
 * picks among them, each with a reason, within the places the province's notice gives; the round is
 * approved and submitted once, by the deadline, or lapses.
 */
@Service
public class ProvinceRecommendationService {

    static final int MAX_NOTICE = 500;
    static final int MAX_REASON = 1000;
    static final int MAX_NOTE = 2000;

    private final ProvinceRoundRepository rounds;
    private final ProvinceNominationRepository nominations;
    private final ApplicationRepository applications;
    private final CaseProgress progress;
    private final CampaignCatalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AppProperties properties;

    ProvinceRecommendationService(ProvinceRoundRepository rounds, ProvinceNominationRepository nominations,
            ApplicationRepository applications, CaseProgress progress, CampaignCatalog catalog,
            ApplicationEventPublisher events, Clock clock, AppProperties properties) {
        this.rounds = rounds;
        this.nominations = nominations;
        this.applications = applications;
        this.progress = progress;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /** The province's notice as the office enters it: its title or number, its places (may be none), its last day. */
    public record OpenRound(String provinceNotice, Integer places, LocalDate dueOn) {
    }

    /** One pick: a case by its number and why the city recommends it. */
    public record Pick(String caseNumber, String reason) {
    }

    public record NominationView(Long applicationId, String caseNumber, String campaign, String enterpriseName,
            String title, String reason, String pickedBy, Instant pickedAt) {
    }

    public record RoundView(Long id, String campaign, String provinceNotice, Integer places, LocalDate dueOn,
            RoundStatus status, String statusLabel, String openedBy, Instant openedAt, String note, String closedBy,
            Instant closedAt, List<NominationView> nominations) {
    }

    /**
     * A past benchmark the round may recommend.
     *
     * @param submittedInRounds earlier rounds that were submitted with this case (the province may have seen it)
     * @param reason            the reason given in this round, null when not picked
     */
    public record Candidate(Long applicationId, String caseNumber, String campaign, String campaignName, int year,
            String enterpriseName, String title, boolean picked, String reason, List<Long> submittedInRounds) {
    }

    /** Opens a round for the campaign's organiser; its procedure starts with it. */
    @Transactional
    public RoundView open(String campaignCode, OpenRound request, AppUser actor) {
        requireOffice(actor, "open a round of recommendation to the province");
        CampaignRef campaign = catalog.campaign(campaignCode)
                .orElseThrow(() -> new NotFoundException("未找到遴选活动“" + campaignCode + "”"));
        if (campaign.definition().procedure().provinceRecommendationProcess() == null) {
            throw new ConflictException("provinceRound.notConfigured", campaign.definition().name()
                    + "没有配置省质量标杆推荐程序（procedure.provinceRecommendationProcess）");
        }
        RoundView round = create(campaign, request, actor);
        events.publishEvent(new ProvinceRoundOpened(round.id()));
        return round;
    }

    /** Opens a round from the procedure's own start form; the procedure is already running. */
    @Transactional
    public RoundView openForProcess(String processKey, OpenRound request, AppUser actor) {
        requireOffice(actor, "open a round of recommendation to the province");
        CampaignRef campaign = catalog.campaigns().stream()
                .filter(c -> processKey.equals(c.definition().procedure().provinceRecommendationProcess()))
                .findFirst()
                .orElseThrow(() -> new ConflictException("provinceRound.notConfigured",
                        "流程" + processKey + "没有对应的遴选活动配置（procedure.provinceRecommendationProcess）"));
        return create(campaign, request, actor);
    }

    private RoundView create(CampaignRef campaign, OpenRound request, AppUser actor) {
        List<FieldViolation> violations = new ArrayList<>();
        String notice = text(request.provinceNotice(), "provinceNotice", "省工信厅通知（名称或文号）", MAX_NOTICE, true,
                violations);
        if (request.places() != null && request.places() < 1) {
            violations.add(new FieldViolation("places", "range", "推荐名额应为正整数；省工信厅通知未给名额时不填"));
        }
        LocalDate today = today();
        if (request.dueOn() == null) {
            violations.add(new FieldViolation("dueOn", "required", "请填写报送省工信厅的截止日期"));
        } else if (request.dueOn().isBefore(today)) {
            violations.add(new FieldViolation("dueOn", "date.past", "报送截止日期不能早于今天（" + today + "）"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        if (rounds.existsByCampaignIdAndStatus(campaign.id(), RoundStatus.OPEN)) {
            throw new ConflictException("provinceRound.alreadyOpen", "已有一轮省质量标杆推荐正在进行，请先报送或等其截止");
        }
        ProvinceRound round = rounds.saveAndFlush(new ProvinceRound(campaign.id(), notice, request.places(),
                request.dueOn(), actor.id(), clock.instant()));
        return view(round);
    }

    @Transactional(readOnly = true)
    public RoundView round(Long roundId, AppUser actor) {
        requireReader(actor);
        return view(find(roundId));
    }

    @Transactional(readOnly = true)
    public List<RoundView> roundsOf(String campaignCode, AppUser actor) {
        requireReader(actor);
        CampaignRef campaign = catalog.campaign(campaignCode)
                .orElseThrow(() -> new NotFoundException("未找到遴选活动“" + campaignCode + "”"));
        return rounds.findByCampaignIdOrderByIdDesc(campaign.id()).stream().map(this::view).toList();
    }

    /** The announced cases of the organiser's campaigns of every year, newest campaign first. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(Long roundId, AppUser actor) {
        requireReader(actor);
        ProvinceRound round = find(roundId);
        Map<Long, String> picked = nominations.findByRoundIdOrderByIdAsc(roundId).stream()
                .collect(Collectors.toMap(ProvinceNomination::getApplicationId, ProvinceNomination::getReason));
        List<Application> cases = eligibleCases(round);
        Map<Long, List<Long>> earlier = new HashMap<>();
        for (ProvinceNomination n : nominations.findByApplicationIdIn(cases.stream().map(Application::getId).toList())) {
            if (!n.getRoundId().equals(roundId) && find(n.getRoundId()).getStatus() == RoundStatus.SUBMITTED) {
                earlier.computeIfAbsent(n.getApplicationId(), k -> new ArrayList<>()).add(n.getRoundId());
            }
        }
        return cases.stream().map(a -> {
            CampaignDefinition definition = catalog.campaign(a.getCampaignId()).definition();
            return new Candidate(a.getId(), a.getCaseNumber(), definition.code(), definition.name(), definition.year(),
                    a.getEnterpriseName(), a.getTitle(), picked.containsKey(a.getId()), picked.get(a.getId()),
                    earlier.getOrDefault(a.getId(), List.of()));
        }).toList();
    }

    /** Picks a case, or gives a picked case a new reason. */
    @Transactional
    public RoundView pick(Long roundId, Pick pick, AppUser actor) {
        requireOffice(actor, "pick cases for the province");
        ProvinceRound round = lockOpen(roundId);
        add(round, pick, actor);
        return view(round);
    }

    @Transactional
    public RoundView unpick(Long roundId, Long applicationId, AppUser actor) {
        requireOffice(actor, "pick cases for the province");
        ProvinceRound round = lockOpen(roundId);
        ProvinceNomination nomination = nominations.findByRoundIdAndApplicationId(roundId, applicationId)
                .orElseThrow(() -> new NotFoundException("本轮推荐中没有案件“" + applicationId + "”"));
        nominations.delete(nomination);
        nominations.flush();
        return view(round);
    }

    /**
     * Makes the round's picks exactly these, in one step: how the office's form in Tasklist sends its
     * whole list. Every problem of every line is reported at once; nothing changes unless all are right.
     */
    @Transactional
    public RoundView replacePicks(Long roundId, List<Pick> picks, AppUser actor) {
        requireOffice(actor, "pick cases for the province");
        ProvinceRound round = lockOpen(roundId);
        Map<String, Pick> byNumber = new LinkedHashMap<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            Pick pick = picks.get(i);
            String number = pick.caseNumber() == null ? "" : pick.caseNumber().strip();
            if (byNumber.put(number, pick) != null) {
                violations.add(new FieldViolation("picks[" + i + "]", "duplicate", "第" + (i + 1) + "行：案件" + number
                        + "重复"));
            }
        }
        if (round.getPlaces() != null && byNumber.size() > round.getPlaces()) {
            violations.add(new FieldViolation("picks", "places.exceeded", placesMessage(round, byNumber.size())));
        }
        Map<Long, Application> eligible = eligibleCases(round).stream()
                .collect(Collectors.toMap(Application::getId, a -> a));
        List<Pick> accepted = new ArrayList<>();
        int line = 0;
        for (Pick pick : byNumber.values()) {
            line++;
            String prefix = "第" + line + "项：";
            int before = violations.size();
            resolve(pick, eligible, prefix, violations);
            text(pick.reason(), "picks[" + (line - 1) + "].reason", prefix + "推荐理由", MAX_REASON, true, violations);
            if (violations.size() == before) {
                accepted.add(pick);
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        nominations.deleteAll(nominations.findByRoundIdOrderByIdAsc(roundId));
        nominations.flush();
        for (Pick pick : accepted) {
            add(round, pick, actor);
        }
        return view(round);
    }

    /** Approves and submits the round to the province: at least one case, within the places, by the deadline. */
    @Transactional
    public RoundView submit(Long roundId, String note, AppUser actor) {
        if (!actor.has(Role.OFFICE) && !actor.has(Role.ADMIN) && !actor.has(Role.MANAGER)) {
            throw new AccessDeniedException("Only the office or a manager may submit; " + actor.id() + " may not");
        }
        ProvinceRound round = lockOpen(roundId);
        List<FieldViolation> noteProblems = new ArrayList<>();
        String text = text(note, "note", "审定意见", MAX_NOTE, false, noteProblems);
        if (!noteProblems.isEmpty()) {
            throw new RuleViolationException(noteProblems);
        }
        List<ProvinceNomination> picked = nominations.findByRoundIdOrderByIdAsc(roundId);
        if (picked.isEmpty()) {
            throw new ConflictException("provinceRound.empty", "推荐名单为空：请先选择推荐的历年市质量标杆并写明推荐理由");
        }
        if (round.getPlaces() != null && picked.size() > round.getPlaces()) {
            throw new RuleViolationException("picks", "places.exceeded", placesMessage(round, picked.size()));
        }
        round.close(RoundStatus.SUBMITTED, text, actor.id(), clock.instant());
        for (ProvinceNomination n : picked) {
            progress.record(n.getApplicationId(), CaseAction.PROVINCE_RECOMMENDED, "ROUND " + roundId,
                    round.getProvinceNotice() + "：" + n.getReason(), actor);
        }
        rounds.flush();
        return view(round);
    }

    /** The system's step at the deadline of a round still open: it lapses, nothing is submitted. */
    @Transactional
    public RoundView lapse(Long roundId, AppUser system) {
        ProvinceRound round = rounds.lockById(roundId).orElseThrow(() -> notFound(roundId));
        if (round.getStatus() == RoundStatus.OPEN) {
            round.close(RoundStatus.LAPSED, "报送截止日" + round.getDueOn() + "前未报送", system.id(), clock.instant());
            rounds.flush();
        }
        return view(round);
    }

    private void add(ProvinceRound round, Pick pick, AppUser actor) {
        List<FieldViolation> violations = new ArrayList<>();
        Map<Long, Application> eligible = eligibleCases(round).stream()
                .collect(Collectors.toMap(Application::getId, a -> a));
        Optional<Application> application = resolve(pick, eligible, "", violations);
        String reason = text(pick.reason(), "reason", "推荐理由", MAX_REASON, true, violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        Long id = application.orElseThrow().getId();
        Optional<ProvinceNomination> existing = nominations.findByRoundIdAndApplicationId(round.getId(), id);
        if (existing.isPresent()) {
            existing.get().revise(reason, actor.id(), clock.instant());
        } else {
            long count = nominations.findByRoundIdOrderByIdAsc(round.getId()).size();
            if (round.getPlaces() != null && count >= round.getPlaces()) {
                throw new RuleViolationException("caseNumber", "places.exceeded", placesMessage(round, count + 1));
            }
            nominations.save(new ProvinceNomination(round.getId(), id, reason, actor.id(), clock.instant()));
        }
        nominations.flush();
    }

    private Optional<Application> resolve(Pick pick, Map<Long, Application> eligible, String prefix,
            List<FieldViolation> violations) {
        String number = pick.caseNumber() == null ? null : pick.caseNumber().strip();
        if (number == null || number.isEmpty()) {
            violations.add(new FieldViolation("caseNumber", "required", prefix + "请填写案件编号"));
            return Optional.empty();
        }
        Optional<Application> found = applications.findByCaseNumber(number).filter(a -> eligible.containsKey(a.getId()));
        if (found.isEmpty()) {
            violations.add(new FieldViolation("caseNumber", "notEligible", prefix + "案件" + number
                    + "不是本市历年已公告的市质量标杆，不能推荐"));
        }
        return found;
    }

    private List<Application> eligibleCases(ProvinceRound round) {
        CampaignDefinition own = catalog.campaign(round.getCampaignId()).definition();
        List<Application> cases = new ArrayList<>();
        catalog.campaigns().stream()
                .filter(c -> c.definition().level() == own.level() && c.definition().region().equals(own.region()))
                .sorted((a, b) -> Integer.compare(b.definition().year(), a.definition().year()))
                .forEach(c -> cases.addAll(applications.findByCampaignIdAndStageInOrderByCaseNumber(c.id(),
                        EnumSet.of(CaseStage.ANNOUNCED))));
        return cases;
    }

    private ProvinceRound lockOpen(Long roundId) {
        ProvinceRound round = rounds.lockById(roundId).orElseThrow(() -> notFound(roundId));
        if (round.getStatus() != RoundStatus.OPEN) {
            throw new ConflictException("provinceRound.closed", "本轮省质量标杆推荐" + round.getStatus().label() + "，不能再更改");
        }
        if (today().isAfter(round.getDueOn())) {
            throw new ConflictException("provinceRound.pastDue", "本轮省质量标杆推荐已于" + round.getDueOn() + "截止报送");
        }
        return round;
    }

    private ProvinceRound find(Long roundId) {
        return rounds.findById(roundId).orElseThrow(() -> notFound(roundId));
    }

    private RoundView view(ProvinceRound round) {
        CampaignRef campaign = catalog.campaign(round.getCampaignId());
        List<NominationView> picked = nominations.findByRoundIdOrderByIdAsc(round.getId()).stream().map(n -> {
            Application a = applications.findById(n.getApplicationId()).orElseThrow();
            return new NominationView(a.getId(), a.getCaseNumber(), catalog.campaign(a.getCampaignId()).code(),
                    a.getEnterpriseName(), a.getTitle(), n.getReason(), n.getPickedBy(), n.getPickedAt());
        }).toList();
        return new RoundView(round.getId(), campaign.code(), round.getProvinceNotice(), round.getPlaces(),
                round.getDueOn(), round.getStatus(), round.getStatus().label(), round.getOpenedBy(), round.getOpenedAt(),
                round.getNote(), round.getClosedBy(), round.getClosedAt(), picked);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    private static String placesMessage(ProvinceRound round, long wanted) {
        return "省工信厅通知给定的推荐名额为" + round.getPlaces() + "项，现为" + wanted + "项";
    }

    private static void requireOffice(AppUser actor, String what) {
        if (!actor.has(Role.OFFICE) && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only the organiser's office may " + what + "; " + actor.id() + " may not");
        }
    }

    private static void requireReader(AppUser actor) {
        if (!actor.seesAllCases()) {
            throw new AccessDeniedException("Only the organiser's office and managers see rounds; " + actor.id()
                    + " may not");
        }
    }

    private static NotFoundException notFound(Long roundId) {
        return new NotFoundException("省质量标杆推荐“" + roundId + "”不存在");
    }

    private static String text(String raw, String field, String label, int max, boolean required,
            List<FieldViolation> violations) {
        String value = raw == null || raw.isBlank() ? null : raw.strip();
        if (value == null && required) {
            violations.add(new FieldViolation(field, "required", "请填写" + label));
        } else if (value != null && value.length() > max) {
            violations.add(new FieldViolation(field, "text.tooLong", label + "不能超过" + max + "字"));
        }
        return value;
    }
}
