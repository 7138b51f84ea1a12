package org.qualitybenchmark.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.importing.Importer.ImportRequest;
import org.qualitybenchmark.importing.Importer.Outcome;
import org.qualitybenchmark.importing.Importer.Prepared;
import org.qualitybenchmark.importing.Importer.RowsRejected;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * Runs imports as background jobs, one at a time, each in two phases: every row is read and checked
 * (nothing written); then, only if no row has a fault, every row is applied in one transaction, so
 * a file imports whole or not at all (a failure, a conflict found only then, or a crash rolls all of
 * it back). Progress goes to {@code qb_import_job} in transactions of its own as the rows are
 * worked through, so any request (and the page) reads it; a restart marks the jobs it cut short as
 * interrupted. The upload is kept under the storage folder for the error workbook.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    static final EnumSet<ImportStatus> UNFINISHED = EnumSet.of(ImportStatus.QUEUED, ImportStatus.CHECKING,
            ImportStatus.IMPORTING);

    private final ImportJobRepository jobs;
    private final Map<ImportKind, Importer> importers;
    private final ImportProperties limits;
    private final Path folder;
    private final TransactionTemplate transactions;
    private final TransactionTemplate progressTransactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final ThreadPoolExecutor worker;

    ImportService(ImportJobRepository jobs, List<Importer> importers, ImportProperties limits, AppProperties properties,
            PlatformTransactionManager transactionManager, ObjectMapper json, Clock clock) {
        this.jobs = jobs;
        this.importers = importers.stream().collect(Collectors.toMap(Importer::kind, Function.identity()));
        this.limits = limits;
        this.folder = properties.storageDir().resolve("imports");
        this.transactions = new TransactionTemplate(transactionManager);
        this.progressTransactions = new TransactionTemplate(transactionManager);
        this.progressTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, limits.queue())),
                runnable -> {
                    Thread thread = new Thread(runnable, "qb-import");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Jobs a previous run left unfinished were cut short by its end; their transaction never committed. */
    @EventListener(ApplicationStartedEvent.class)
    void markInterrupted() {
        transactions.executeWithoutResult(status -> {
            for (ImportJob job : jobs.findByStatusIn(UNFINISHED)) {
                job.finish(ImportStatus.FAILED, "系统在导入过程中重新启动，本次导入已中断，未导入任何数据；请重新上传文件",
                        0, 0, 0, null, clock.instant());
                log.warn("Import job {} ({}) was interrupted by a restart; nothing of it was imported", job.getId(),
                        job.getFileName());
            }
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public byte[] template(ImportRequest request, AppUser user) {
        Importer importer = importer(request.kind());
        importer.authorise(request, user);
        return TemplateWriter.write(importer.layout(request), List.of(), 1000, clock.instant());
    }

    /** The filled template of what exists (the roster, a campaign's units), to edit and import again. */
    public byte[] export(ImportRequest request, AppUser user) {
        Importer importer = importer(request.kind());
        importer.authorise(request, user);
        if (!(importer instanceof Exporter exporter)) {
            throw new RuleViolationException("kind", "import.noExport", importer.kind().label() + "没有导出功能");
        }
        TemplateLayout layout = importer.layout(request);
        return TemplateWriter.write(layout, exporter.rows(request, layout), 1000, clock.instant());
    }

    /** Stores the upload and queues its job; the checks of the file itself happen in the job. */
    public ImportJobView start(ImportRequest request, String fileName, byte[] content, AppUser user) {
        Importer importer = importer(request.kind());
        importer.authorise(request, user);
        if (content.length > limits.maxFileSize().toBytes()) {
            throw new RuleViolationException("file", "file.tooLarge", "文件大小为" + megabytes(content.length)
                    + "，超过导入文件的上限" + megabytes(limits.maxFileSize().toBytes()) + "；请分成几个文件导入");
        }
        String name = fileName == null || fileName.isBlank() ? "upload.xlsx" : Path.of(fileName).getFileName().toString();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String key = UUID.randomUUID() + ".xlsx";
        store(key, content);
        String storedName = name;
        ImportJob job = transactions.execute(status -> jobs.save(new ImportJob(request.kind(), request.campaign(),
                request.unit(), storedName, content.length, key, user.id(), clock.instant())));
        try {
            worker.execute(() -> run(job.getId(), request, user));
        } catch (RejectedExecutionException e) {
            finish(job.getId(), ImportStatus.FAILED, "当前排队的导入任务过多，本次未导入；请稍后重新上传", List.of(), null);
            throw new ConflictException("import.busy", "当前排队的导入任务过多，请稍后再上传");
        }
        return view(jobs.findById(job.getId()).orElseThrow());
    }

    public ImportJobView get(Long id, AppUser user) {
        return view(visible(id, user));
    }

    public List<ImportJobView> mine(AppUser user) {
        return jobs.findByCreatedByOrderByCreatedAtDescIdDesc(user.id(), PageRequest.of(0, 20)).stream()
                .map(this::view).toList();
    }

    /** The upload with its faults marked, for a job that found any. */
    public byte[] errorWorkbook(Long id, AppUser user) {
        ImportJob job = visible(id, user);
        List<RowError> errors = report(job).errors();
        if (errors.isEmpty()) {
            throw new NotFoundException("导入任务" + id + "没有错误报告");
        }
        return ErrorWorkbook.write(read(job.getStorageKey()), errors);
    }

    String downloadName(Long id, AppUser user) {
        String name = visible(id, user).getFileName();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + "-错误报告.xlsx";
    }

    private ImportJob visible(Long id, AppUser user) {
        ImportJob job = jobs.findById(id).orElseThrow(() -> new NotFoundException("导入任务" + id + "不存在或您无权查看"));
        if (!job.getCreatedBy().equals(user.id()) && !user.has(Role.ADMIN)) {
            throw new NotFoundException("导入任务" + id + "不存在或您无权查看");
        }
        return job;
    }

    private void run(Long jobId, ImportRequest request, AppUser user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            work(jobId, request, user);
        } catch (RuntimeException | Error e) {
            log.error("Import job {} failed", jobId, e);
            finish(jobId, ImportStatus.FAILED, "导入时发生系统错误，未导入任何数据（" + e.getClass().getSimpleName() + "）；"
                    + "请稍后重试，如仍失败请联系管理员", List.of(), null);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void work(Long jobId, ImportRequest request, AppUser user) {
        Importer importer = importer(request.kind());
        ImportJob job = jobs.findById(jobId).orElseThrow();
        progress(jobId, ImportStatus.CHECKING, "正在读取文件", 0, 0);
        TemplateLayout layout = importer.layout(request);
        List<UploadedWorkbook.DataRow> rows;
        try (UploadedWorkbook workbook = UploadedWorkbook.open(read(job.getStorageKey()))) {
            workbook.requireTemplate(layout, importer.targetName(request));
            rows = workbook.rows(layout, limits.maxRows());
        } catch (ImportFileException e) {
            finish(jobId, ImportStatus.REJECTED, e.getMessage(), List.of(RowError.ofFile(e.getMessage())), null);
            return;
        }
        if (rows.isEmpty()) {
            String message = "文件中没有数据行：请从第2行起填写，每行一条";
            finish(jobId, ImportStatus.REJECTED, message, List.of(RowError.ofFile(message)), null);
            return;
        }
        int total = rows.size();
        Throttle checking = new Throttle(jobId, ImportStatus.CHECKING, "正在检查");
        Prepared prepared = importer.prepare(request, layout, rows, user, checking::report);
        if (!prepared.errors().isEmpty()) {
            List<RowError> errors = prepared.errors();
            long badRows = errors.stream().map(RowError::row).distinct().count();
            finish(jobId, ImportStatus.REJECTED, "共 " + total + " 行，其中 " + badRows + " 行有错误（" + errors.size()
                    + " 处），未导入任何数据；请按错误报告改正后重新上传整个文件", errors, null);
            return;
        }
        Throttle importing = new Throttle(jobId, ImportStatus.IMPORTING, "正在导入");
        importing.report(0, total);
        RowsRejected[] rejected = new RowsRejected[1];
        Outcome outcome = transactions.execute(status -> {
            try {
                return prepared.apply(importing::report);
            } catch (RowsRejected e) {
                status.setRollbackOnly();
                rejected[0] = e;
                return null;
            }
        });
        if (rejected[0] != null) {
            finish(jobId, ImportStatus.REJECTED, "导入时发现冲突（可能有人同时录入了相同数据），已全部撤销，未导入任何数据",
                    rejected[0].errors(), null);
            return;
        }
        finish(jobId, ImportStatus.SUCCEEDED, outcome.summary(), List.of(), outcome);
    }

    /** Writes progress at most every 2% of the rows or every half second, in a transaction of its own. */
    private final class Throttle {
        private final Long jobId;
        private final ImportStatus status;
        private final String phase;
        private int written = -1;
        private long writtenAt;

        Throttle(Long jobId, ImportStatus status, String phase) {
            this.jobId = jobId;
            this.status = status;
            this.phase = phase;
        }

        void report(int done, int total) {
            long now = System.nanoTime();
            int step = Math.max(1, total / 50);
            if (done == total || written < 0 || done - written >= step || now - writtenAt > 500_000_000L) {
                progress(jobId, status, phase, done, total);
                written = done;
                writtenAt = now;
            }
        }
    }

    private void progress(Long jobId, ImportStatus status, String phase, int done, int total) {
        progressTransactions.executeWithoutResult(tx -> jobs.findById(jobId)
                .ifPresent(job -> job.progress(status, phase, done, total, clock.instant())));
    }

    private void finish(Long jobId, ImportStatus status, String message, List<RowError> errors, Outcome outcome) {
        Report report = new Report(errors, outcome == null ? List.of() : outcome.items());
        String text;
        try {
            text = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an import report", e);
        }
        progressTransactions.executeWithoutResult(tx -> jobs.findById(jobId).ifPresent(job -> job.finish(status, message,
                errors.size(), outcome == null ? 0 : outcome.created(), outcome == null ? 0 : outcome.updated(), text,
                clock.instant())));
    }

    record Report(List<RowError> errors, List<Importer.Item> items) {
        Report {
            errors = errors == null ? List.of() : errors;
            items = items == null ? List.of() : items;
        }
    }

    private Report report(ImportJob job) {
        if (job.getReport() == null) {
            return new Report(List.of(), List.of());
        }
        try {
            return json.readValue(job.getReport(), Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable report of import job " + job.getId(), e);
        }
    }

    private ImportJobView view(ImportJob job) {
        ImportStatus status = job.getStatus();
        String message = job.getMessage();
        if (!status.finished() && job.getUpdatedAt().plus(limits.stalled()).isBefore(clock.instant())) {
            status = ImportStatus.FAILED;
            message = "导入已长时间没有进展，视为中断，未导入任何数据；请重新上传文件";
        }
        Report report = report(job);
        int percent = job.getRowsTotal() == 0 ? (status.finished() ? 100 : 0)
                : (int) Math.min(100, Math.round(100.0 * job.getRowsDone() / job.getRowsTotal()));
        return new ImportJobView(job.getId(), job.getKind(), job.getKind().label(), job.getCampaignCode(),
                job.getUnitCode(), job.getFileName(), status, status.label(), status.finished(), status.finished()
                        ? status.label() : job.getPhase(),
                job.getRowsDone(), job.getRowsTotal(), percent, job.getErrorCount(), job.getCreatedCount(),
                job.getUpdatedCount(), message, report.errors(), report.items(),
                report.errors().isEmpty() ? null : "/api/imports/" + job.getId() + "/error-workbook",
                job.getCreatedBy(), job.getCreatedAt(), job.getUpdatedAt(), job.getFinishedAt());
    }

    private Importer importer(ImportKind kind) {
        if (kind == null) {
            throw new RuleViolationException("kind", "required", "请选择导入的内容");
        }
        Importer importer = importers.get(kind);
        if (importer == null) {
            throw new IllegalStateException("No importer for " + kind);
        }
        return importer;
    }

    private void store(String key, byte[] content) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "upload-", ".part");
            Files.write(temporary, content);
            Files.move(temporary, folder.resolve(key), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store an import upload", e);
        }
    }

    private byte[] read(String key) {
        try {
            return Files.readAllBytes(folder.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read import upload " + key, e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
    }

    /** For tests and operators: when the worker has nothing queued or running. */
    boolean idle() {
        return worker.getActiveCount() == 0 && worker.getQueue().isEmpty();
    }

}
