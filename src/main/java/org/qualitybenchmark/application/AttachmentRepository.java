package org.qualitybenchmark.application;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByApplicationIdOrderByUploadedAt(Long applicationId);

    @Query("select coalesce(sum(a.sizeBytes), 0) from Attachment a where a.applicationId = :applicationId")
    long totalSize(Long applicationId);
}
