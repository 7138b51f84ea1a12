package org.qualitybenchmark.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may score a case (回避) and in which order the eligible experts are taken. */
class ExpertEligibilityTest {

    private static final Long SHIJIAZHUANG = 1L;
    private static final Long TANGSHAN = 2L;
    private static final String ENTERPRISE = "石家庄示例精密机械（集团）有限公司";

    @Test
    void neverAnExpertOfTheCasesUnit() {
        List<Expert> pool = List.of(expert("e1", "河北工业大学", SHIJIAZHUANG), expert("e2", "河北工业大学", TANGSHAN),
                expert("e3", "河北工业大学", null));
        assertThat(ids(ExpertAssignmentService.eligible(pool, Map.of(), SHIJIAZHUANG, ENTERPRISE)))
                .containsExactly("e2", "e3");
    }

    @Test
    void neverAnExpertOfTheEnterpriseItself() {
        List<Expert> pool = List.of(expert("e1", "石家庄示例精密机械(集团)有限公司", null),
                expert("e2", " 石家庄示例精密机械（集团）有限公司 ", null),
                expert("e3", "石家庄示例精密机械有限公司", null),
                expert("e4", "河北工业大学", null));
        assertThat(ids(ExpertAssignmentService.eligible(pool, Map.of(), TANGSHAN, ENTERPRISE)))
                .as("the same name with half-width brackets or spaces is the same organisation; a similar one is not")
                .containsExactly("e3", "e4");
    }

    @Test
    void theLeastLoadedComeFirstAndEqualLoadsGoByLogin() {
        List<Expert> pool = List.of(expert("wang", "甲", null), expert("li", "乙", null), expert("zhao", "丙", null),
                expert("chen", "丁", null), expert("sun", "戊", null));
        Map<String, Long> load = Map.of("wang", 2L, "li", 1L, "zhao", 0L, "sun", 1L);
        assertThat(ids(ExpertAssignmentService.eligible(pool, load, TANGSHAN, ENTERPRISE)))
                .containsExactly("chen", "zhao", "li", "sun", "wang");
    }

    @Test
    void anEmptyPoolGivesNobody() {
        assertThat(ExpertAssignmentService.eligible(List.of(), Map.of(), TANGSHAN, ENTERPRISE)).isEmpty();
    }

    private static Expert expert(String userId, String organisation, Long unitId) {
        Expert expert = new Expert(userId, "office", Instant.EPOCH);
        expert.update(userId, organisation, unitId, true, Instant.EPOCH);
        return expert;
    }

    private static List<String> ids(List<Expert> experts) {
        return experts.stream().map(Expert::getUserId).toList();
    }
}
