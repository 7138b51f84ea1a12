package org.qualitybenchmark.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An expert of the pool (专家库, 附件4 第十一条). The login is the identity-service user who works the
 * expert's tasks; the organisation and unit decide which cases the expert must stay away from (回避).
 */
@Entity
@Table(name = "qb_expert")
public class Expert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String organisation;

    @Column(name = "unit_id")
    private Long unitId;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "registered_by", nullable = false, updatable = false)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Expert() {
    }

    Expert(String userId, String registeredBy, Instant now) {
        this.userId = userId;
        this.registeredBy = registeredBy;
        this.registeredAt = now;
        this.updatedAt = now;
    }

    void update(String newName, String newOrganisation, Long newUnitId, boolean isActive, Instant now) {
        name = newName;
        organisation = newOrganisation;
        unitId = newUnitId;
        active = isActive;
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public String getName() {
        return name;
    }

    public String getOrganisation() {
        return organisation;
    }

    public Long getUnitId() {
        return unitId;
    }

    public boolean isActive() {
        return active;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
