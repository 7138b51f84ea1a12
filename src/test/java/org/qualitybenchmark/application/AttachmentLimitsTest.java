package org.qualitybenchmark.application;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import org.qualitybenchmark.Samples;
import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.config.AttachmentKind;
import org.qualitybenchmark.campaign.config.AttachmentRules;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The per-file and per-enterprise limits (Shandong: 500MB per enterprise), on a campaign with
 * limits small enough to test: a refused upload is not stored, neither as a row nor as a file.
 */
class AttachmentLimitsTest {

    @TempDir
    Path storage;

    final ApplicationRepository applications = mock(ApplicationRepository.class);
    final AttachmentRepository attachments = mock(AttachmentRepository.class);
    final CaseEventRepository events = mock(CaseEventRepository.class);
    final CampaignCatalog catalog = mock(CampaignCatalog.class);
    final CaseAccess access = mock(CaseAccess.class);
    final Application application = mock(Application.class);
    final AppUser applicant = new AppUser("applicant1", "申报人", java.util.Set.of(Role.APPLICANT), java.util.Set.of());
    AttachmentService service;

    @BeforeEach
    void setUp() throws Exception {
        CampaignDefinition definition = mock(CampaignDefinition.class);
        AttachmentKind evidence = new AttachmentKind("evidence", "证实性材料", true, true, List.of("pdf"),
                DataSize.ofKilobytes(4), false, null);
        when(definition.attachments()).thenReturn(new AttachmentRules(DataSize.ofKilobytes(6), List.of(evidence)));
        when(definition.attachmentKind("evidence")).thenReturn(Optional.of(evidence));
        when(definition.code()).thenReturn("limits-2023");
        when(catalog.campaign(7L)).thenReturn(new CampaignRef(7L, definition));
        when(application.getCampaignId()).thenReturn(7L);
        when(application.getStage()).thenReturn(CaseStage.DRAFT);
        when(application.getCaseNumber()).thenReturn("LIM2023-0001");
        when(application.getEnterpriseName()).thenReturn("山东示例有限公司");
        when(applications.findById(1L)).thenReturn(Optional.of(application));
        when(applications.lockById(1L)).thenReturn(Optional.of(application));
        when(access.requireEditable(any(), any())).thenReturn(application);
        TransactionTemplate transactions = mock(TransactionTemplate.class);
        when(transactions.execute(any())).thenAnswer(call -> {
            TransactionSynchronizationManager.initSynchronization();
            try {
                return ((TransactionCallback<?>) call.getArgument(0)).doInTransaction(mock(TransactionStatus.class));
            } finally {
                TransactionSynchronizationManager.clearSynchronization();
            }
        });
        AttachmentStore store = new AttachmentStore(new AppProperties(Path.of("config"), Path.of("bpmn"),
                Path.of("forms"), storage, ZoneId.of("Asia/Shanghai")));
        service = new AttachmentService(applications, attachments, events, catalog, access, store, new ContentTypes(),
                transactions, Clock.fixed(Instant.parse("2023-08-20T01:00:00Z"), ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void refusesAFileOverItsKindsLimit() throws Exception {
        RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                () -> service.upload(1L, "evidence", "证书.pdf", new ByteArrayInputStream(pdfOf(5 * 1024)), applicant));
        assertThat(refused.violations()).extracting(FieldViolation::message).containsExactly("单个“证实性材料”文件不能超过4KB");
        assertNothingStored();
    }

    @Test
    void refusesAFileThatWouldTakeTheEnterprisesPackageOverItsLimit() throws Exception {
        when(attachments.totalSize(1L)).thenReturn(3L * 1024);
        RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                () -> service.upload(1L, "evidence", "证书.pdf", new ByteArrayInputStream(pdfOf(3 * 1024 + 1)), applicant));
        assertThat(refused.violations()).extracting(FieldViolation::code).containsExactly("attachment.packageTooLarge");
        assertThat(refused.violations().get(0).message()).contains("6KB", "已上传3KB");
        assertNothingStored();
    }

    @Test
    void acceptsAFileThatFitsAndKeepsIt() throws Exception {
        when(attachments.totalSize(1L)).thenReturn(2L * 1024);
        when(attachments.save(any())).thenAnswer(call -> call.getArgument(0));
        service.upload(1L, "evidence", "证书.pdf", new ByteArrayInputStream(pdfOf(4 * 1024)), applicant);
        verify(attachments).save(any());
        assertThat(storedFiles()).hasSize(1);
    }

    private void assertNothingStored() throws Exception {
        verify(attachments, never()).save(any());
        verify(events, never()).save(any());
        assertThat(storedFiles()).isEmpty();
    }

    private List<Path> storedFiles() throws Exception {
        try (Stream<Path> files = Files.walk(storage)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] pdfOf(int size) {
        byte[] bytes = new byte[size];
        byte[] header = Samples.pdf();
        System.arraycopy(header, 0, bytes, 0, Math.min(header.length, size));
        return bytes;
    }
}
