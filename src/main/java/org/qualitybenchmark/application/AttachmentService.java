package org.qualitybenchmark.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.tika.mime.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.config.AttachmentKind;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;

import static org.qualitybenchmark.application.CaseViews.AttachmentView;

/**
 * The files of a case. An upload is refused, and leaves nothing behind, when its kind is unknown,
 * its name unsafe, its extension not allowed, its bytes not what the extension says, or when it
 * would exceed the per-file or per-enterprise limit of the campaign.
 */
@Service
public class AttachmentService {

    private final ApplicationRepository applications;
    private final AttachmentRepository attachments;
    private final CaseEventRepository events;
    private final CampaignCatalog catalog;
    private final CaseAccess access;
    private final AttachmentStore store;
    private final ContentTypes contentTypes;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AttachmentService(ApplicationRepository applications, AttachmentRepository attachments, CaseEventRepository events,
            CampaignCatalog catalog, CaseAccess access, AttachmentStore store, ContentTypes contentTypes,
            TransactionTemplate transactions, Clock clock) {
        this.applications = applications;
        this.attachments = attachments;
        this.events = events;
        this.catalog = catalog;
        this.access = access;
        this.store = store;
        this.contentTypes = contentTypes;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A file to send back. */
    public record Download(String name, String contentType, long size, InputStream content) {
    }

    public AttachmentView upload(Long applicationId, String kindCode, String fileName, InputStream content, AppUser user) {
        Application application = transactions.execute(status ->
                access.requireEditable(user, applications.findById(applicationId)
                        .orElseThrow(() -> CaseAccess.notFound(applicationId))));
        CampaignDefinition definition = catalog.campaign(application.getCampaignId()).definition();
        AttachmentKind kind = definition.attachmentKind(kindCode).orElseThrow(() -> new RuleViolationException("kind",
                "attachment.kindUnknown", "“" + kindCode + "”不是本次活动的附件类别，可选："
                        + String.join("、", definition.attachments().kinds().stream()
                                .map(k -> k.code() + "（" + k.label() + "）").toList())));
        requireUploadStage(application, kind, "上传");
        String name = checkName(fileName, kind, application);

        try (AttachmentStore.Upload upload = receive(content, kind)) {
            if (upload.size() == 0) {
                throw new RuleViolationException("file", "attachment.empty", "文件“" + name + "”是空文件");
            }
            MediaType actual = checkContent(upload, name);
            return transactions.execute(status -> {
                Application locked = applications.lockById(applicationId).orElseThrow();
                requireUploadStage(locked, kind, "上传");
                if (!kind.multiple() && attachments.findByApplicationIdOrderByUploadedAt(applicationId).stream()
                        .anyMatch(a -> a.getKind().equals(kind.code()))) {
                    throw new ConflictException("attachment.single",
                            "已上传“" + kind.label() + "”，该类附件只能有一个，请先删除原文件再上传");
                }
                long used = attachments.totalSize(applicationId);
                long limit = definition.attachments().maxPackageSize().toBytes();
                if (used + upload.size() > limit) {
                    throw new RuleViolationException("file", "attachment.packageTooLarge",
                            "单个企业的申报材料合计不能超过" + human(definition.attachments().maxPackageSize())
                                    + "（已上传" + human(DataSize.ofBytes(used)) + "，本文件" + human(DataSize.ofBytes(upload.size())) + "）");
                }
                CampaignRef campaign = catalog.campaign(locked.getCampaignId());
                AttachmentStore.StoredFile stored = upload.keep(campaign.code() + "/" + locked.getCaseNumber(), actual.toString());
                deleteOnRollback(stored.key());
                Instant now = clock.instant();
                Attachment attachment = attachments.save(new Attachment(applicationId, kind.code(), name, stored, user.id(), now));
                events.save(new CaseEvent(applicationId, locked.getStage().name(), CaseAction.ATTACHMENT_ADDED, null,
                        kind.label() + "：" + name, user.id(), now));
                return view(attachment, definition);
            });
        }
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> list(Long applicationId, AppUser user) {
        Application application = access.requireVisible(user, applications.findById(applicationId)
                .orElseThrow(() -> CaseAccess.notFound(applicationId)));
        CampaignDefinition definition = catalog.campaign(application.getCampaignId()).definition();
        return attachments.findByApplicationIdOrderByUploadedAt(applicationId).stream()
                .map(a -> view(a, definition)).toList();
    }

    @Transactional(readOnly = true)
    public Download open(Long applicationId, Long attachmentId, AppUser user) {
        Attachment attachment = visibleAttachment(applicationId, attachmentId, user);
        try {
            return new Download(attachment.getOriginalName(), attachment.getContentType(), attachment.getSizeBytes(),
                    store.open(attachment.getStorageKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("Attachment " + attachmentId + " is missing from the store", e);
        }
    }

    @Transactional
    public void delete(Long applicationId, Long attachmentId, AppUser user) {
        Attachment attachment = visibleAttachment(applicationId, attachmentId, user);
        Application application = access.requireEditable(user, applications.lockById(applicationId).orElseThrow());
        CampaignDefinition definition = catalog.campaign(application.getCampaignId()).definition();
        Optional<AttachmentKind> kind = definition.attachmentKind(attachment.getKind());
        // A kind since removed from the configuration keeps the stages every kind has by default.
        requireStage(application, kind.map(AttachmentKind::label).orElse(attachment.getKind()),
                kind.map(AttachmentKind::uploadStages).orElse(AttachmentKind.DEFAULT_UPLOAD_STAGES), "删除");
        attachments.delete(attachment);
        events.save(new CaseEvent(applicationId, application.getStage().name(), CaseAction.ATTACHMENT_REMOVED, null,
                attachment.getOriginalName(), user.id(), clock.instant()));
        String key = attachment.getStorageKey();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                store.delete(key);
            }
        });
    }

    /** Each kind of file is added and removed only in its stages: a defense presentation only before the defense. */
    private static void requireUploadStage(Application application, AttachmentKind kind, String what) {
        requireStage(application, kind.label(), kind.uploadStages(), what);
    }

    private static void requireStage(Application application, String kindLabel, List<String> stages, String what) {
        if (!stages.contains(application.getStage().name())) {
            throw new ConflictException("attachment.stage", "案件" + application.getCaseNumber() + "当前为“"
                    + application.getStage().label() + "”，不能" + what + "“" + kindLabel + "”（只能在"
                    + String.join("、", stages.stream().map(s -> CaseStage.valueOf(s).label()).toList())
                    + "阶段" + what + "）");
        }
    }

    private Attachment visibleAttachment(Long applicationId, Long attachmentId, AppUser user) {
        access.requireVisible(user, applications.findById(applicationId).orElseThrow(() -> CaseAccess.notFound(applicationId)));
        return attachments.findById(attachmentId)
                .filter(a -> a.getApplicationId().equals(applicationId))
                .orElseThrow(() -> new NotFoundException("附件“" + attachmentId + "”不存在"));
    }

    private static String checkName(String fileName, AttachmentKind kind, Application application) {
        FileNames.Result result = FileNames.check(fileName);
        if (!result.ok()) {
            throw new RuleViolationException("file", "attachment.name", result.refusal());
        }
        String name = result.name();
        String extension = FileNames.extension(name).orElse("");
        if (!kind.extensions().contains(extension)) {
            throw new RuleViolationException("file", "attachment.extension",
                    "“" + kind.label() + "”只接受" + String.join("、", kind.extensions()) + "格式的文件，“" + name + "”不符合");
        }
        if (kind.nameMustMatchEnterprise() && !FileNames.stem(name).equals(application.getEnterpriseName())) {
            throw new RuleViolationException("file", "attachment.nameNotEnterprise",
                    "“" + kind.label() + "”须以申报企业全称命名，应为“" + application.getEnterpriseName() + "." + extension + "”");
        }
        return name;
    }

    private AttachmentStore.Upload receive(InputStream content, AttachmentKind kind) {
        try {
            return store.receive(content, kind.maxFileSize().toBytes());
        } catch (AttachmentStore.TooLargeException e) {
            throw new RuleViolationException("file", "attachment.tooLarge",
                    "单个“" + kind.label() + "”文件不能超过" + human(kind.maxFileSize()));
        } catch (IOException e) {
            throw new UncheckedIOException("Upload interrupted", e);
        }
    }

    private MediaType checkContent(AttachmentStore.Upload upload, String name) {
        try (InputStream in = upload.open()) {
            MediaType actual = contentTypes.detect(in);
            MediaType expected = contentTypes.expected(name);
            if (!contentTypes.matches(expected, actual)) {
                throw new RuleViolationException("file", "attachment.contentMismatch",
                        "文件“" + name + "”的内容与扩展名不符（内容为 " + actual + "），请检查是否上传了正确的文件");
            }
            return MediaType.OCTET_STREAM.equals(expected) ? actual : expected;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteOnRollback(String key) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    store.delete(key);
                }
            }
        });
    }

    static AttachmentView view(Attachment a, CampaignDefinition definition) {
        String label = definition.attachmentKind(a.getKind()).map(AttachmentKind::label).orElse(a.getKind());
        return new AttachmentView(a.getId(), a.getKind(), label, a.getOriginalName(), a.getContentType(),
                a.getSizeBytes(), a.getSha256(), a.getUploadedBy(), a.getUploadedAt());
    }

    static String human(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0) {
            return size.toGigabytes() + "GB";
        }
        if (bytes >= 1024L * 1024) {
            return String.format("%.1fMB", bytes / (1024.0 * 1024)).replace(".0MB", "MB");
        }
        if (bytes >= 1024) {
            return String.format("%.1fKB", bytes / 1024.0).replace(".0KB", "KB");
        }
        return bytes + "字节";
    }
}
