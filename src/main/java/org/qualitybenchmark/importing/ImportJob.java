package org.qualitybenchmark.importing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.Length;

/** One uploaded file and what became of it. */
@Entity
@Table(name = "qb_import_job")
class ImportJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ImportKind kind;

    @Column(name = "campaign_code", updatable = false)
    private String campaignCode;

    @Column(name = "unit_code", updatable = false)
    private String unitCode;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "file_size", nullable = false, updatable = false)
    private long fileSize;

    @Column(name = "storage_key", nullable = false, updatable = false)
    private String storageKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportStatus status;

    @Column(nullable = false)
    private String phase;

    @Column(name = "rows_total", nullable = false)
    private int rowsTotal;

    @Column(name = "rows_done", nullable = false)
    private int rowsDone;

    @Column(name = "error_count", nullable = false)
    private int errorCount;

    @Column(name = "created_count", nullable = false)
    private int createdCount;

    @Column(name = "updated_count", nullable = false)
    private int updatedCount;

    private String message;

    @Column(length = Length.LONG32)
    private String report;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected ImportJob() {
    }

    ImportJob(ImportKind kind, String campaignCode, String unitCode, String fileName, long fileSize, String storageKey,
            String createdBy, Instant now) {
        this.kind = kind;
        this.campaignCode = campaignCode;
        this.unitCode = unitCode;
        this.fileName = fileName;
        this.fileSize = fileSize;
        this.storageKey = storageKey;
        this.status = ImportStatus.QUEUED;
        this.phase = ImportStatus.QUEUED.label();
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void progress(ImportStatus newStatus, String newPhase, int done, int total, Instant now) {
        status = newStatus;
        phase = newPhase;
        rowsDone = done;
        rowsTotal = total;
        updatedAt = now;
    }

    void finish(ImportStatus finalStatus, String finalMessage, int errors, int created, int updated, String json,
            Instant now) {
        status = finalStatus;
        phase = finalStatus.label();
        message = finalMessage == null || finalMessage.length() <= 2000 ? finalMessage : finalMessage.substring(0, 2000);
        errorCount = errors;
        createdCount = created;
        updatedCount = updated;
        report = json;
        updatedAt = now;
        finishedAt = now;
    }

    Long getId() {
        return id;
    }

    ImportKind getKind() {
        return kind;
    }

    String getCampaignCode() {
        return campaignCode;
    }

    String getUnitCode() {
        return unitCode;
    }

    String getFileName() {
        return fileName;
    }

    long getFileSize() {
        return fileSize;
    }

    String getStorageKey() {
        return storageKey;
    }

    ImportStatus getStatus() {
        return status;
    }

    String getPhase() {
        return phase;
    }

    int getRowsTotal() {
        return rowsTotal;
    }

    int getRowsDone() {
        return rowsDone;
    }

    int getErrorCount() {
        return errorCount;
    }

    int getCreatedCount() {
        return createdCount;
    }

    int getUpdatedCount() {
        return updatedCount;
    }

    String getMessage() {
        return message;
    }

    String getReport() {
        return report;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Instant getFinishedAt() {
        return finishedAt;
    }
}
