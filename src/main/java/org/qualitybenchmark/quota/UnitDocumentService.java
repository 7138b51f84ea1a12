package org.qualitybenchmark.quota;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.application.FileIntake;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.EffectiveSchedule;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.campaign.config.UnitDocumentKind;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * The documents a recommending unit sends with its recommendation list (推荐文件, 推荐汇总表 …), of
 * the kinds the campaign's {@code recommendation.documents} lists. Only the unit's own staff upload
 * and delete them, and only until the unit's list is submitted or the recommendation deadline has
 * passed; the organiser's office, managers and administrators read them; another unit, an applicant
 * or an expert does not learn that they exist.
 */
@Service
public class UnitDocumentService {

    private final UnitDocumentRepository documents;
    private final RecommendationListRepository lists;
    private final CampaignCatalog catalog;
    private final EffectiveSchedule schedules;
    private final FileIntake files;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AppProperties properties;

    UnitDocumentService(UnitDocumentRepository documents, RecommendationListRepository lists, CampaignCatalog catalog, EffectiveSchedule schedules,
            FileIntake files, TransactionTemplate transactions, Clock clock, AppProperties properties) {
        this.documents = documents;
        this.lists = lists;
        this.catalog = catalog;
        this.schedules = schedules;
        this.files = files;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    /** A file to send back. */
    public record Download(String name, String contentType, long size, InputStream content) {
    }

    @Transactional(readOnly = true)
    public UnitDocumentsView list(Long campaignId, Long unitId, AppUser actor) {
        CampaignRef campaign = catalog.campaign(campaignId);
        UnitRef unit = participating(campaign, unitId);
        requireReader(actor, unit);
        List<UnitDocument> uploaded = documents.findByCampaignIdAndUnitIdOrderByUploadedAtAscIdAsc(campaignId, unitId);
        boolean listSubmitted = lists.findByCampaignIdAndUnitId(campaignId, unitId).isPresent();
        boolean editable = staffOf(actor, unit) && !listSubmitted && open(campaign);
        List<UnitDocumentsView.Kind> kinds = kinds(campaign, unit).stream()
                .map(k -> new UnitDocumentsView.Kind(k.code(), k.label(), k.required(), k.multiple(), k.extensions(),
                        k.maxFileSize().toBytes(), uploaded.stream().filter(d -> d.getKind().equals(k.code()))
                                .map(UnitDocumentService::view).toList()))
                .toList();
        return new UnitDocumentsView(campaign.code(), unit.code(), unit.name(), listSubmitted, editable, kinds,
                missing(campaign, unit, uploaded));
    }

    /** Stores one file of the given kind for the unit; refused, leaving nothing behind, when any rule fails. */
    public UnitDocumentsView.File upload(Long campaignId, Long unitId, String kindCode, String fileName,
            InputStream content, AppUser actor) {
        CampaignRef campaign = catalog.campaign(campaignId);
        UnitRef unit = participating(campaign, unitId);
        requireStaff(actor, unit);
        UnitDocumentKind kind = kind(campaign, unit, kindCode);
        requireChangeable(campaign, unit);
        try (FileIntake.Received received = files.receive(fileName, content, kind.label(), kind.extensions(),
                kind.maxFileSize())) {
            return transactions.execute(status -> {
                catalog.lockUnit(campaignId, unitId);
                requireChangeable(campaign, unit);
                if (!kind.multiple() && documents.findByCampaignIdAndUnitIdOrderByUploadedAtAscIdAsc(campaignId, unitId)
                        .stream().anyMatch(d -> d.getKind().equals(kind.code()))) {
                    throw new ConflictException("unitDocument.single",
                            "已上传“" + kind.label() + "”，该类材料只能有一个，请先删除原文件再上传");
                }
                FileIntake.StoredFile stored = received.keep("unit-documents/" + campaign.code() + "/" + unit.code());
                return view(documents.save(new UnitDocument(campaignId, unitId, kind.code(), stored, actor.id(),
                        clock.instant())));
            });
        }
    }

    @Transactional(readOnly = true)
    public Download open(Long campaignId, Long unitId, Long documentId, AppUser actor) {
        CampaignRef campaign = catalog.campaign(campaignId);
        UnitRef unit = participating(campaign, unitId);
        requireReader(actor, unit);
        UnitDocument document = document(campaignId, unitId, documentId);
        return new Download(document.getOriginalName(), document.getContentType(), document.getSizeBytes(),
                files.open(document.getStorageKey()));
    }

    @Transactional
    public void delete(Long campaignId, Long unitId, Long documentId, AppUser actor) {
        CampaignRef campaign = catalog.campaign(campaignId);
        UnitRef unit = participating(campaign, unitId);
        requireStaff(actor, unit);
        catalog.lockUnit(campaignId, unitId);
        UnitDocument document = document(campaignId, unitId, documentId);
        requireChangeable(campaign, unit);
        documents.delete(document);
        files.deleteAfterCommit(document.getStorageKey());
    }

    /**
     * Refuses a unit's recommendation list while a required document is missing, naming each one
     * (called with the unit's row locked, so no delete slips in between).
     */
    @Transactional(readOnly = true)
    public void requireComplete(CampaignRef campaign, UnitRef unit) {
        List<String> missing = missing(campaign, unit,
                documents.findByCampaignIdAndUnitIdOrderByUploadedAtAscIdAsc(campaign.id(), unit.id()));
        if (!missing.isEmpty()) {
            throw new RuleViolationException("documents", "unitDocument.missing", unit.name() + "尚未上传"
                    + String.join("、", missing.stream().map(label -> "“" + label + "”").toList())
                    + "，请在“推荐单位材料”页面（/cases/unit-documents.html）上传后再报送推荐名单");
        }
    }

    private List<String> missing(CampaignRef campaign, UnitRef unit, List<UnitDocument> uploaded) {
        return kinds(campaign, unit).stream().filter(UnitDocumentKind::required)
                .filter(k -> uploaded.stream().noneMatch(d -> d.getKind().equals(k.code())))
                .map(UnitDocumentKind::label).toList();
    }

    /** The kinds of document this unit sends in the campaign. */
    private static List<UnitDocumentKind> kinds(CampaignRef campaign, UnitRef unit) {
        return campaign.definition().recommendation().documents().stream()
                .filter(k -> k.sentBy(unit.definition().kind())).toList();
    }

    private static UnitDocumentKind kind(CampaignRef campaign, UnitRef unit, String code) {
        List<UnitDocumentKind> kinds = kinds(campaign, unit);
        if (kinds.isEmpty()) {
            throw new RuleViolationException("kind", "unitDocument.none", campaign.definition().name()
                    + (campaign.definition().recommendation().documents().isEmpty() ? "不要求推荐单位上传材料"
                            : "不要求" + unit.name() + "上传材料"));
        }
        Optional<UnitDocumentKind> kind = kinds.stream().filter(k -> k.code().equals(code)).findFirst();
        return kind.orElseThrow(() -> new RuleViolationException("kind", "unitDocument.kindUnknown",
                "“" + code + "”不是本次活动的推荐单位材料类别，可选："
                        + String.join("、", kinds.stream().map(k -> k.code() + "（" + k.label() + "）").toList())));
    }

    private UnitDocument document(Long campaignId, Long unitId, Long documentId) {
        return documents.findById(documentId)
                .filter(d -> d.getCampaignId().equals(campaignId) && d.getUnitId().equals(unitId))
                .orElseThrow(() -> new NotFoundException("推荐单位材料“" + documentId + "”不存在"));
    }

    /** The documents go with the list: once it is submitted, or the deadline has passed, they are as sent. */
    private void requireChangeable(CampaignRef campaign, UnitRef unit) {
        lists.findByCampaignIdAndUnitId(campaign.id(), unit.id()).ifPresent(list -> {
            throw new ConflictException("unitDocument.listSubmitted", unit.name() + "已于"
                    + list.getSubmittedAt().atZone(properties.zone()).toLocalDate()
                    + "报送推荐名单，随名单报送的材料不能再更改");
        });
        if (!open(campaign)) {
            throw new ConflictException("unitDocument.closed", campaign.definition().name() + "的推荐名单已于"
                    + schedules.of(campaign).recommendationDue() + "截止报送，推荐单位材料不能再更改");
        }
    }

    private boolean open(CampaignRef campaign) {
        LocalDate due = schedules.of(campaign).recommendationDue();
        return !LocalDate.now(clock.withZone(properties.zone())).isAfter(due);
    }

    private UnitRef participating(CampaignRef campaign, Long unitId) {
        UnitRef unit = catalog.unit(unitId);
        if (campaign.definition().unit(unit.code()).isEmpty()) {
            throw RecommendationService.unitNotFound(unit.code());
        }
        return unit;
    }

    private boolean staffOf(AppUser actor, UnitRef unit) {
        return actor.has(Role.UNIT_STAFF) && catalog.unitsOfGroups(actor.groupIds()).contains(unit);
    }

    private void requireReader(AppUser actor, UnitRef unit) {
        if (!actor.seesAllCases() && !staffOf(actor, unit)) {
            throw RecommendationService.unitNotFound(unit.code());
        }
    }

    /** The unit's own staff only: the office reads what the unit sent but does not send it for the unit. */
    private void requireStaff(AppUser actor, UnitRef unit) {
        if (staffOf(actor, unit)) {
            return;
        }
        if (actor.seesAllCases()) {
            throw new AccessDeniedException("User " + actor.id() + " may not change the documents of unit " + unit.code());
        }
        throw RecommendationService.unitNotFound(unit.code());
    }

    private static UnitDocumentsView.File view(UnitDocument d) {
        return new UnitDocumentsView.File(d.getId(), d.getKind(), d.getOriginalName(), d.getContentType(),
                d.getSizeBytes(), d.getSha256(), d.getUploadedBy(), d.getUploadedAt());
    }
}
