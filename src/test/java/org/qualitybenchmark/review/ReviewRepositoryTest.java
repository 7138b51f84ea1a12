package org.qualitybenchmark.review;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DataJpaTest
class ReviewRepositoryTest {

    @Autowired
    ScoreRepository scores;

    @Autowired
    ObjectionRepository objections;

    @Autowired
    JdbcTemplate jdbc;

    long caseId;

    @BeforeEach
    void aCase() {
        jdbc.update("insert into qb_campaign (code, case_number_prefix, name, organiser, level, campaign_year, region,"
                + " application_opens, application_closes, recommendation_due, next_case_sequence, config_sha256,"
                + " config_source, synced_at) values ('r-2022', 'REV2022', '测试', '测试', 'NATIONAL', 2022, '13',"
                + " DATE '2022-06-15', DATE '2022-06-30', DATE '2022-06-30', 1, 'x', 'code: x', CURRENT_TIMESTAMP)");
        jdbc.update("insert into qb_unit (code, name, kind, group_id) values ('r-u', '单位', 'CITY', 'unit-r-u')");
        jdbc.update("insert into qb_enterprise (uscc, name, registered_region, created_at, updated_at, version)"
                + " values ('911301000000000099', '企业', '130100', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
        jdbc.update("insert into qb_application (case_number, campaign_id, enterprise_id, unit_id, stage, enterprise_name,"
                + " owner_user_id, request_fingerprint, created_at, updated_at, version) select 'REV2022-0001', c.id, e.id,"
                + " u.id, 'SUBMITTED', '企业', 'a', 'f', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0 from qb_campaign c,"
                + " qb_enterprise e, qb_unit u where c.code = 'r-2022' and u.code = 'r-u'");
        caseId = jdbc.queryForObject("select id from qb_application where case_number = 'REV2022-0001'", Long.class);
    }

    @Test
    void anExpertScoresEachCriterionOnce() {
        scores.saveAndFlush(new Score(caseId, ReviewStage.MATERIAL_REVIEW, "expert1", "science-innovation",
                new BigDecimal("27.5"), "方法科学，创新性较强", Instant.now()));
        assertThat(scores.findByApplicationIdAndStage(caseId, ReviewStage.MATERIAL_REVIEW)).hasSize(1);
        assertThatThrownBy(() -> scores.saveAndFlush(new Score(caseId, ReviewStage.MATERIAL_REVIEW, "expert1",
                "science-innovation", new BigDecimal("20"), null, Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void anObjectionIsDecidedOnceWithWhoAndWhen() {
        Objection objection = objections.save(new Objection(caseId, Instant.now(), "王五", "13800000000",
                "该企业2021年曾发生质量事故。", "office"));
        objection.decide(Objection.Outcome.UPHELD, "经核实属实，从名单中移除", "office", Instant.now());
        objections.flush();
        Objection read = objections.findByApplicationIdOrderByReceivedAt(caseId).get(0);
        assertThat(read.getStatus()).isEqualTo(Objection.Status.DECIDED);
        assertThat(read.getDecidedBy()).isEqualTo("office");
        assertThatThrownBy(() -> read.decide(Objection.Outcome.DISMISSED, "再议", "office", Instant.now()))
                .isInstanceOf(IllegalStateException.class);
    }
}
