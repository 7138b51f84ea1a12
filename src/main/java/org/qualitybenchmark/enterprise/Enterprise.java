package org.qualitybenchmark.enterprise;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An enterprise, known by its USCC across campaigns and years. Its profile is the one of its most
 * recently submitted application; each application keeps its own copy as it was declared.
 */
@Entity
@Table(name = "qb_enterprise")
public class Enterprise {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String uscc;

    @Column(nullable = false)
    private String name;

    @Column(name = "registered_region", nullable = false, updatable = false)
    private String registeredRegion;

    @Column(name = "ownership_type")
    private String ownershipType;

    @Column(name = "industry_code")
    private String industryCode;

    private Integer employees;

    @Column(name = "latest_revenue")
    private BigDecimal latestRevenue;

    @Enumerated(EnumType.STRING)
    @Column(name = "size_class")
    private SizeClass sizeClass;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Enterprise() {
    }

    public Enterprise(String uscc, String name, Instant now) {
        this.uscc = uscc;
        this.name = name;
        this.registeredRegion = Uscc.registrationRegion(uscc);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes over the profile an application declared when it was submitted. */
    public void refreshProfile(EnterpriseProfile profile, Instant now) {
        name = profile.name();
        ownershipType = profile.ownershipType();
        industryCode = profile.industryCode();
        employees = profile.employees();
        latestRevenue = profile.latestRevenue();
        sizeClass = profile.sizeClass();
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUscc() {
        return uscc;
    }

    public String getName() {
        return name;
    }

    public String getRegisteredRegion() {
        return registeredRegion;
    }

    public String getOwnershipType() {
        return ownershipType;
    }

    public String getIndustryCode() {
        return industryCode;
    }

    public Integer getEmployees() {
        return employees;
    }

    public BigDecimal getLatestRevenue() {
        return latestRevenue;
    }

    public SizeClass getSizeClass() {
        return sizeClass;
    }
}
