package org.qualitybenchmark.enterprise;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The organiser's recorded decision to accept a USCC whose check digit fails: codes issued in the
 * 2015 pilot areas are legally valid but do not satisfy GB 32100. Who granted it, when and why is
 * kept for audit.
 */
@Entity
@Table(name = "qb_uscc_override")
public class UsccOverride {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String uscc;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    protected UsccOverride() {
    }

    public UsccOverride(String uscc, String reason, String grantedBy, Instant grantedAt) {
        this.uscc = uscc;
        this.reason = reason;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    public Long getId() {
        return id;
    }

    public String getUscc() {
        return uscc;
    }

    public String getReason() {
        return reason;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }
}
