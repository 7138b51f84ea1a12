package org.qualitybenchmark.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.qualitybenchmark.campaign.config.UnitDefinition;
import org.qualitybenchmark.campaign.config.UnitKind;

/** A bureau or association that screens applicants and recommends them (推荐单位). */
@Entity
@Table(name = "qb_unit")
public class RecommendingUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitKind kind;

    private String region;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "group_id", nullable = false)
    private String groupId;

    protected RecommendingUnit() {
    }

    public RecommendingUnit(String code) {
        this.code = code;
    }

    void apply(UnitDefinition definition, Long parent) {
        name = definition.name();
        kind = definition.kind();
        region = definition.region();
        parentId = parent;
        groupId = definition.groupId();
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

    public UnitKind getKind() {
        return kind;
    }

    public String getRegion() {
        return region;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getGroupId() {
        return groupId;
    }
}
