package org.qualitybenchmark.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case tables as Flyway creates them and JPA maps them (ddl-auto=validate checks the match). */
@DataJpaTest
class ApplicationRepositoryTest {

    @Autowired
    ApplicationRepository applications;

    @Autowired
    CaseEventRepository events;

    @Autowired
    AttachmentRepository attachments;

    @Autowired
    EntityManager entities;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesACaseWithItsCollectionsAndHistory() {
        long campaign = campaign("test-2022", "TEST2022");
        long unit = unit("he-1301");
        long enterprise = enterprise("911301000000000010");
        Application application = new Application("TEST2022-0001", campaign, enterprise, "applicant1", null, Instant.now());
        application.fill(form(unit), "fingerprint", Instant.now());
        application = applications.saveAndFlush(application);
        events.save(new CaseEvent(application.getId(), "DRAFT", CaseAction.CREATED, null, null, "applicant1", Instant.now()));
        attachments.save(new Attachment(application.getId(), "application", "申报书.pdf",
                new AttachmentStore.StoredFile("k/1", "application/pdf", 120, "0".repeat(64)), "applicant1", Instant.now()));
        entities.flush();
        entities.clear();

        Application read = applications.findByCaseNumber("TEST2022-0001").orElseThrow();
        assertThat(read.getDirections()).containsExactly("digital", "reliability");
        assertThat(read.getTexts()).containsEntry("overview", "企业概况");
        assertThat(read.getFigures().get(2021).profit()).isEqualByComparingTo("3200");
        assertThat(read.getFields()).containsEntry("patents", "12");
        assertThat(read.getTables()).containsEntry("competitors", LONG_TABLE);
        assertThat(read.getContact().mobile()).isEqualTo("13900000001");
        assertThat(events.findByApplicationIdOrderByActedAtAscIdAsc(read.getId())).hasSize(1);
        assertThat(attachments.totalSize(read.getId())).isEqualTo(120);
        assertThat(applications.findByCampaignIdAndEnterpriseId(campaign, enterprise)).isPresent();
    }

    @Test
    void oneApplicationPerEnterpriseAndCampaign() {
        long campaign = campaign("test-2023", "TEST2023");
        long unit = unit("he-1302");
        long enterprise = enterprise("911301000000000020");
        Application first = new Application("TEST2023-0001", campaign, enterprise, "a", null, Instant.now());
        first.fill(form(unit), "f1", Instant.now());
        applications.saveAndFlush(first);
        Application second = new Application("TEST2023-0002", campaign, enterprise, "b", null, Instant.now());
        second.fill(form(unit), "f2", Instant.now());
        assertThatThrownBy(() -> applications.saveAndFlush(second)).isInstanceOf(DataIntegrityViolationException.class);
    }

    private long campaign(String code, String prefix) {
        jdbc.update("insert into qb_campaign (code, case_number_prefix, name, organiser, level, campaign_year, region,"
                + " application_opens, application_closes, recommendation_due, next_case_sequence, config_sha256,"
                + " config_source, synced_at) values (?, ?, '测试', '测试', 'NATIONAL', 2022, '13', DATE '2022-06-15',"
                + " DATE '2022-06-30', DATE '2022-06-30', 1, 'x', 'code: x', CURRENT_TIMESTAMP)", code, prefix);
        return jdbc.queryForObject("select id from qb_campaign where code = ?", Long.class, code);
    }

    private long unit(String code) {
        jdbc.update("insert into qb_unit (code, name, kind, group_id) values (?, '单位', 'CITY', ?)", code, "unit-" + code);
        return jdbc.queryForObject("select id from qb_unit where code = ?", Long.class, code);
    }

    private long enterprise(String uscc) {
        jdbc.update("insert into qb_enterprise (uscc, name, registered_region, created_at, updated_at, version)"
                + " values (?, '企业', '130100', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)", uscc);
        return jdbc.queryForObject("select id from qb_enterprise where uscc = ?", Long.class, uscc);
    }

    private static ValidatedForm form(long unit) {
        return new ValidatedForm(1L, unit, "911301000000000010", null, "企业", OwnershipType.PRIVATE, "3484", 1200,
                org.qualitybenchmark.enterprise.SizeClass.LARGE, org.qualitybenchmark.enterprise.SizeClass.LARGE,
                "地址", "050000", new Contact("张三", null, null, null, "13900000001", "a@b.cn"), "标题",
                Set.of("digital", "reliability"), Map.of("overview", "企业概况"),
                Map.of(2021, new YearFigures(new BigDecimal("45000"), new BigDecimal("3200"), null)),
                Map.of("patents", "12"), Map.of("competitors", LONG_TABLE));
    }

    /** A table of text cells longer than a one-value field's column, with characters outside the BMP. */
    private static final String LONG_TABLE = "{\"freeRows\":[{\"cells\":{\"advantage\":\"" + "𠀀质量".repeat(900) + "\"}}]}";
}
