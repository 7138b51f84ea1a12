package org.qualitybenchmark.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.support.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a case from one stage to the next for the modules that decide on it (recommendation,
 * review, publication). The row is locked first, so two decisions on one case never both apply.
 */
@Service
public class CaseProgress {

    private final ApplicationRepository applications;
    private final CaseEventRepository events;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    CaseProgress(ApplicationRepository applications, CaseEventRepository events, Clock clock,
            ApplicationEventPublisher publisher) {
        this.applications = applications;
        this.events = events;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * Publishes {@link CaseMoved} inside the caller's transaction, so whatever listens (notifications)
     * commits or rolls back with the decision.
     *
     * @param from    the stages the decision applies to; any other stage is refused with a message naming it
     * @param outcome a short code of the decision (PASS, RECOMMEND, …) for the history
     * @param reason  why, in the actor's words; may be null
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Application move(Long applicationId, Set<CaseStage> from, CaseStage to, CaseAction action, String outcome,
            String reason, AppUser actor) {
        Application application = lock(applicationId);
        requireStage(application, from, action);
        String before = application.getStage().name();
        Instant now = clock.instant();
        CaseStage was = application.getStage();
        application.moveTo(to, now);
        CaseEvent entry = events.save(new CaseEvent(application.getId(), before, action, outcome, reason, actor.id(), now));
        publisher.publishEvent(new CaseMoved(application.getId(), entry.getId(), was, to, action, outcome, reason));
        return application;
    }

    /** Records a decision that does not change the stage (a score, a check, an assignment). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long applicationId, CaseAction action, String outcome, String reason, AppUser actor) {
        Application application = applications.findById(applicationId).orElseThrow(() -> CaseAccess.notFound(applicationId));
        events.save(new CaseEvent(application.getId(), application.getStage().name(), action, outcome, reason, actor.id(),
                clock.instant()));
    }

    /** Sets the unit's rank of a case (推荐排序), with the decision that gave it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Application rank(Long applicationId, Integer rank) {
        Application application = lock(applicationId);
        application.rank(rank, clock.instant());
        return application;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Application lock(Long applicationId) {
        return applications.lockById(applicationId).orElseThrow(() -> CaseAccess.notFound(applicationId));
    }

    /** Refuses (409, naming the stage) unless the case is in one of {@code from}. */
    public static void requireStage(Application application, Set<CaseStage> from, CaseAction action) {
        if (!from.contains(application.getStage())) {
            throw new ConflictException("case.stage", "案件" + application.getCaseNumber() + "当前为“"
                    + application.getStage().label() + "”，不能" + action.label() + "（只能在"
                    + from.stream().map(CaseStage::label).collect(Collectors.joining("、")) + "阶段办理）");
        }
    }
}
