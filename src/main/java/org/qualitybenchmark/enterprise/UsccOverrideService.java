package org.qualitybenchmark.enterprise;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qualitybenchmark.support.RuleViolationException;

/**
 * Records the organiser's acceptance of a USCC that fails only its check digit. Any other fault
 * (length, characters, region digits) cannot be overridden: such a code was never issued.
 */
@Service
public class UsccOverrideService {

    private final UsccOverrideRepository overrides;
    private final Clock clock;

    UsccOverrideService(UsccOverrideRepository overrides, Clock clock) {
        this.overrides = overrides;
        this.clock = clock;
    }

    @Transactional
    public UsccOverride grant(String rawUscc, String reason, String userId) {
        String uscc = Uscc.normalize(rawUscc);
        Optional<UsccViolation> violation = Uscc.validate(uscc);
        if (violation.isEmpty()) {
            throw new RuleViolationException("uscc", "override.notNeeded", "该统一社会信用代码校验通过，无需登记例外");
        }
        if (violation.get().kind() != UsccViolation.Kind.CHECK_DIGIT) {
            throw new RuleViolationException("uscc", "override.notAllowed",
                    violation.get().message() + "；只有校验位不符的代码可以登记例外");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 4) {
            throw new RuleViolationException("reason", "required", "请说明登记例外的依据（如营业执照核验情况），不少于4个字");
        }
        if (why.length() > 500) {
            throw new RuleViolationException("reason", "text.tooLong", "依据不能超过500字");
        }
        return overrides.findByUscc(uscc)
                .orElseGet(() -> overrides.save(new UsccOverride(uscc, why, userId, clock.instant())));
    }

    @Transactional(readOnly = true)
    public List<UsccOverride> list() {
        return overrides.findAll(Sort.by("grantedAt"));
    }
}
