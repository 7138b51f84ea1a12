package org.qualitybenchmark.campaign;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.hibernate.Length;

import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.CampaignLevel;

@Entity
@Table(name = "qb_campaign")
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(name = "case_number_prefix", nullable = false)
    private String caseNumberPrefix;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String organiser;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignLevel level;

    @Column(name = "campaign_year", nullable = false)
    private int year;

    @Column(nullable = false)
    private String region;

    @Column(name = "application_opens", nullable = false)
    private LocalDate applicationOpens;

    @Column(name = "application_closes", nullable = false)
    private LocalDate applicationCloses;

    @Column(name = "recommendation_due", nullable = false)
    private LocalDate recommendationDue;

    @Column(name = "next_case_sequence", nullable = false)
    private int nextCaseSequence = 1;

    @Column(name = "config_sha256", nullable = false)
    private String configSha256;

    @Lob
    @Column(name = "config_source", nullable = false, length = Length.LONG32)
    private String configSource;

    @Column(name = "synced_at", nullable = false)
    private Instant syncedAt;

    protected Campaign() {
    }

    public Campaign(String code) {
        this.code = code;
    }

    /** Takes over what the configuration says; returns whether anything changed. */
    boolean apply(CampaignDefinition definition, String source, String sha256, Instant now) {
        if (sha256.equals(configSha256)) {
            return false;
        }
        caseNumberPrefix = definition.caseNumberPrefix();
        name = definition.name();
        organiser = definition.organiser();
        level = definition.level();
        year = definition.year();
        region = definition.region();
        applicationOpens = definition.schedule().applicationOpens();
        applicationCloses = definition.schedule().applicationCloses();
        recommendationDue = definition.schedule().recommendationDue();
        configSource = source;
        configSha256 = sha256;
        syncedAt = now;
        return true;
    }

    /** Hands out the next case number; the caller holds this row's write lock. */
    public String allocateCaseNumber() {
        int sequence = nextCaseSequence++;
        return caseNumberPrefix + "-" + String.format("%04d", sequence);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public CampaignLevel getLevel() {
        return level;
    }

    public int getYear() {
        return year;
    }

    public String getConfigSha256() {
        return configSha256;
    }
}
