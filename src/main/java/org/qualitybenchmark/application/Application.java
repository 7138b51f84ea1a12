package org.qualitybenchmark.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import org.hibernate.Length;
import jakarta.persistence.Version;

import org.qualitybenchmark.enterprise.SizeClass;

/**
 * The case: an enterprise's application to a campaign through one recommending unit. Other
 * modules' rows are referred to by id, so that each module owns its own tables.
 */
@Entity
@Table(name = "qb_application")
public class Application {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false, updatable = false)
    private String caseNumber;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private Long campaignId;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private Long enterpriseId;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStage stage = CaseStage.DRAFT;

    private String title;

    @Column(name = "enterprise_name", nullable = false)
    private String enterpriseName;

    @Enumerated(EnumType.STRING)
    @Column(name = "ownership_type")
    private OwnershipType ownershipType;

    @Column(name = "industry_code")
    private String industryCode;

    private Integer employees;

    @Enumerated(EnumType.STRING)
    @Column(name = "declared_size")
    private SizeClass declaredSize;

    @Enumerated(EnumType.STRING)
    @Column(name = "computed_size")
    private SizeClass computedSize;

    private String address;

    private String postcode;

    @Embedded
    private Contact contact;

    @Column(name = "unit_rank")
    private Integer unitRank;

    /** The stage a case returned for correction goes back to once resubmitted. */
    @Enumerated(EnumType.STRING)
    @Column(name = "returned_from")
    private CaseStage returnedFrom;

    @Column(name = "correction_due")
    private LocalDate correctionDue;

    @Column(name = "owner_user_id", nullable = false, updatable = false)
    private String ownerUserId;

    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;

    @Column(name = "request_fingerprint", nullable = false)
    private String requestFingerprint;

    @Column(name = "uscc_override_id")
    private Long usccOverrideId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Version
    private int version;

    @ElementCollection
    @CollectionTable(name = "qb_application_direction", joinColumns = @JoinColumn(name = "application_id"))
    @Column(name = "direction_code")
    private Set<String> directions = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "qb_application_text", joinColumns = @JoinColumn(name = "application_id"))
    @MapKeyColumn(name = "section_key")
    @Lob
    @Column(name = "content", length = Length.LONG32)
    private Map<String, String> texts = new TreeMap<>();

    @ElementCollection
    @CollectionTable(name = "qb_application_figure", joinColumns = @JoinColumn(name = "application_id"))
    @MapKeyColumn(name = "fiscal_year")
    private Map<Integer, YearFigures> figures = new TreeMap<>();

    @ElementCollection
    @CollectionTable(name = "qb_application_field", joinColumns = @JoinColumn(name = "application_id"))
    @MapKeyColumn(name = "field_key")
    @Column(name = "field_value")
    private Map<String, String> fields = new TreeMap<>();

    /** The TABLE fields (统计表), each as JSON: longer than a one-value field's column allows. */
    @ElementCollection
    @CollectionTable(name = "qb_application_table", joinColumns = @JoinColumn(name = "application_id"))
    @MapKeyColumn(name = "field_key")
    @Lob
    @Column(name = "content", length = Length.LONG32)
    private Map<String, String> tables = new TreeMap<>();

    protected Application() {
    }

    Application(String caseNumber, Long campaignId, Long enterpriseId, String ownerUserId, String idempotencyKey,
            Instant now) {
        this.caseNumber = caseNumber;
        this.campaignId = campaignId;
        this.enterpriseId = enterpriseId;
        this.ownerUserId = ownerUserId;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes over a validated form. */
    void fill(ValidatedForm form, String fingerprint, Instant now) {
        unitId = form.unitId();
        title = form.title();
        enterpriseName = form.enterpriseName();
        ownershipType = form.ownershipType();
        industryCode = form.industryCode();
        employees = form.employees();
        declaredSize = form.declaredSize();
        computedSize = form.computedSize();
        address = form.address();
        postcode = form.postcode();
        contact = form.contact();
        usccOverrideId = form.usccOverrideId();
        directions.clear();
        directions.addAll(form.directions());
        texts.clear();
        texts.putAll(form.texts());
        figures.clear();
        figures.putAll(form.figures());
        fields.clear();
        fields.putAll(form.fields());
        tables.clear();
        tables.putAll(form.tables());
        requestFingerprint = fingerprint;
        updatedAt = now;
    }

    void submit(Instant now) {
        stage = CaseStage.SUBMITTED;
        submittedAt = now;
        updatedAt = now;
    }

    /** Moves the case on; callers have checked the transition and record it in the history. */
    void moveTo(CaseStage to, Instant now) {
        stage = to;
        updatedAt = now;
    }

    void returnForCorrection(LocalDate due, Instant now) {
        returnedFrom = stage;
        correctionDue = due;
        moveTo(CaseStage.CORRECTION, now);
    }

    /** Back to the stage it was returned from; the correction is done. */
    void resubmit(Instant now) {
        CaseStage back = returnedFrom == null ? CaseStage.SUBMITTED : returnedFrom;
        correctionDue = null;
        submittedAt = now;
        moveTo(back, now);
    }

    void rank(Integer rank, Instant now) {
        unitRank = rank;
        updatedAt = now;
    }

    public CaseStage getReturnedFrom() {
        return returnedFrom;
    }

    public LocalDate getCorrectionDue() {
        return correctionDue;
    }

    void withdraw(Instant now) {
        stage = CaseStage.WITHDRAWN;
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public Long getUnitId() {
        return unitId;
    }

    public CaseStage getStage() {
        return stage;
    }

    public String getTitle() {
        return title;
    }

    public String getEnterpriseName() {
        return enterpriseName;
    }

    public OwnershipType getOwnershipType() {
        return ownershipType;
    }

    public String getIndustryCode() {
        return industryCode;
    }

    public Integer getEmployees() {
        return employees;
    }

    public SizeClass getDeclaredSize() {
        return declaredSize;
    }

    public SizeClass getComputedSize() {
        return computedSize;
    }

    public String getAddress() {
        return address;
    }

    public String getPostcode() {
        return postcode;
    }

    public Contact getContact() {
        return contact;
    }

    public Integer getUnitRank() {
        return unitRank;
    }

    public String getOwnerUserId() {
        return ownerUserId;
    }

    public String getRequestFingerprint() {
        return requestFingerprint;
    }

    public Long getUsccOverrideId() {
        return usccOverrideId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Set<String> getDirections() {
        return directions;
    }

    public Map<String, String> getTexts() {
        return texts;
    }

    public Map<Integer, YearFigures> getFigures() {
        return figures;
    }

    public Map<String, String> getFields() {
        return fields;
    }

    public Map<String, String> getTables() {
        return tables;
    }
}
