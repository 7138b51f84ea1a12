package org.qualitybenchmark.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.workflow.ModelCheck.Resource;
import org.qualitybenchmark.workflow.ProcedureDeployments.UploadedFile;

/**
 * The procedures as process owners keep them on disk: {@code bpmn/<province>/<year>/} folders, the
 * shared stage blocks in {@code bpmn/stages/}, the shared forms, and campaign files in
 * {@code config/campaigns/}. An accepted upload replaces its folder whole, so that the next start
 * deploys exactly what was deployed.
 */
@Component
class ProcedureFolders {

    static final String STAGES = "stages";

    private final AppProperties properties;

    ProcedureFolders(AppProperties properties) {
        this.properties = properties;
    }

    /** The year folders below {@code bpmn/}: {@code <province>/<year>} with at least one model. */
    List<String> folders() {
        Path root = properties.bpmnDir();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> folders = new ArrayList<>();
        for (Path province : directories(root)) {
            if (province.getFileName().toString().equals(STAGES)) {
                continue;
            }
            for (Path year : directories(province)) {
                if (files(year).stream().anyMatch(f -> f.getFileName().toString().endsWith(".bpmn"))) {
                    folders.add(province.getFileName() + "/" + year.getFileName());
                }
            }
        }
        return folders;
    }

    /** A year folder's files, as an upload of them would bring them. */
    List<UploadedFile> files(String folder) {
        return files(properties.bpmnDir().resolve(folder)).stream()
                .map(file -> new UploadedFile(file.getFileName().toString(), read(file))).toList();
    }

    List<String> fileNames(String folder) {
        return files(properties.bpmnDir().resolve(folder)).stream().map(f -> f.getFileName().toString()).toList();
    }

    /** One file of a year folder, if the folder is one and has it. */
    Optional<byte[]> file(String folder, String name) {
        if (!folders().contains(folder) || !fileNames(folder).contains(name)) {
            return Optional.empty();
        }
        return Optional.of(read(properties.bpmnDir().resolve(folder).resolve(name)));
    }

    List<Resource> stageModels() {
        return files(properties.bpmnDir().resolve(STAGES)).stream()
                .filter(file -> file.getFileName().toString().endsWith(".bpmn"))
                .map(file -> new Resource(file.getFileName().toString(), read(file))).toList();
    }

    List<UploadedFile> sharedForms() {
        return files(properties.formsDir()).stream()
                .filter(file -> file.getFileName().toString().endsWith(".form"))
                .map(file -> new UploadedFile(file.getFileName().toString(), read(file))).toList();
    }

    /**
     * Replaces the folder's files with the upload's, and writes its campaign files to the
     * configuration. The folder is swapped by renames, so a crash leaves the old or the new one.
     */
    void keep(String folder, List<UploadedFile> files) {
        Path dir = properties.bpmnDir().resolve(folder);
        try {
            Path staging = Files.createTempDirectory(properties.bpmnDir(), ".upload-");
            for (UploadedFile file : files) {
                String lower = file.name().toLowerCase(Locale.ROOT);
                if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                    Files.createDirectories(properties.campaignsDir());
                    Path temp = Files.createTempFile(properties.campaignsDir(), ".upload-", ".tmp");
                    Files.write(temp, file.content());
                    Files.move(temp, properties.campaignsDir().resolve(file.name()), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.write(staging.resolve(file.name()), file.content());
                }
            }
            Files.createDirectories(dir.getParent());
            Path previous = null;
            if (Files.exists(dir)) {
                previous = Files.createTempDirectory(properties.bpmnDir(), ".previous-");
                Files.delete(previous);
                Files.move(dir, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            if (previous != null) {
                deleteTree(previous);
            }
        } catch (IOException e) {
            // The engine has the deployment already; what is lost is only the copy for the next start.
            throw new UncheckedIOException("部署成功，但无法把文件保存到 bpmn/" + folder + "：" + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static List<Path> directories(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isDirectory).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
