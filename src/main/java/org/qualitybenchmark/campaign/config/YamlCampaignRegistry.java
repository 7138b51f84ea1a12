package org.qualitybenchmark.campaign.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.validation.Validator;

import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConfigurationFileException;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The campaigns and units defined by the YAML files under {@code config/campaigns/} and
 * {@code config/units/}, read once at start-up. If anything in any file is wrong, construction fails
 * with a {@link ConfigurationFileException} listing every fault found in every file, so that a
 * process owner can correct them all before the next start instead of one per restart.
 */
@Component
public class YamlCampaignRegistry implements CampaignRegistry {

    private static final Logger log = LoggerFactory.getLogger(YamlCampaignRegistry.class);

    /** The unit file that imports of a campaign's units write the units they add to. */
    public static final String IMPORTED_UNITS = "imported.yaml";

    private final YamlConfigReader reader;
    private volatile List<ConfigFile<UnitDirectoryFile>> unitFiles;
    private final Path unitsDir;
    private final Path campaignsDir;
    // Replaced whole (copy on write) when a campaign is added at run time, so readers never lock.
    private volatile List<ConfigFile<CampaignDefinition>> campaignFiles;
    private volatile Map<String, CampaignDefinition> campaigns;
    private volatile Map<String, String> sources;
    private volatile Map<String, UnitDefinition> units;

    @Autowired
    public YamlCampaignRegistry(AppProperties properties, Validator validator) {
        this(properties.unitsDir(), properties.campaignsDir(), validator);
    }

    public YamlCampaignRegistry(Path unitsDir, Path campaignsDir, Validator validator) {
        this.reader = new YamlConfigReader(validator);
        this.unitsDir = unitsDir;
        this.campaignsDir = campaignsDir;
        List<Problem> problems = new ArrayList<>();

        List<ConfigFile<UnitDirectoryFile>> unitFiles = new ArrayList<>();
        for (Path file : yamlFiles(unitsDir, "单位目录", problems)) {
            unitFiles.add(reader.read(file, UnitDirectoryFile.class, problems));
        }
        List<ConfigFile<CampaignDefinition>> campaignFiles = new ArrayList<>();
        for (Path file : yamlFiles(campaignsDir, "遴选活动", problems)) {
            campaignFiles.add(reader.read(file, CampaignDefinition.class, problems));
        }
        boolean unitsComplete = Files.isDirectory(unitsDir) && unitFiles.stream().allMatch(f -> f.value() != null);
        ConfigurationChecks.check(unitFiles, campaignFiles, unitsComplete, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationFileException(problems);
        }

        Map<String, UnitDefinition> unitsByCode = new LinkedHashMap<>();
        unitFiles.forEach(f -> f.value().units().forEach(u -> unitsByCode.put(u.code(), u)));
        Map<String, CampaignDefinition> campaignsByCode = new LinkedHashMap<>();
        Map<String, String> sourcesByCode = new LinkedHashMap<>();
        for (ConfigFile<CampaignDefinition> file : campaignFiles) {
            campaignsByCode.put(file.value().code(), file.value());
            sourcesByCode.put(file.value().code(), file.text());
        }
        this.unitFiles = List.copyOf(unitFiles);
        this.campaignFiles = List.copyOf(campaignFiles);
        this.units = Collections.unmodifiableMap(unitsByCode);
        this.campaigns = Collections.unmodifiableMap(campaignsByCode);
        this.sources = Collections.unmodifiableMap(sourcesByCode);
        log.info("已读取 {} 个遴选活动 {}，{} 个推荐单位", campaigns.size(), campaigns.keySet(), units.size());
    }

    @Override
    public List<CampaignDefinition> campaigns() {
        return List.copyOf(campaigns.values());
    }

    @Override
    public Optional<CampaignDefinition> campaign(String code) {
        return Optional.ofNullable(campaigns.get(code));
    }

    @Override
    public List<UnitDefinition> units() {
        return List.copyOf(units.values());
    }

    @Override
    public Optional<UnitDefinition> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    /**
     * The file text exactly as it was read at start-up (less a byte-order mark).
     *
     * @throws IllegalArgumentException if no campaign has this code
     */
    @Override
    public String source(String campaignCode) {
        String text = sources.get(campaignCode);
        if (text == null) {
            throw new IllegalArgumentException("没有代码为「" + campaignCode + "」的遴选活动");
        }
        return text;
    }

    @Override
    public CampaignFileCheck check(String fileName, byte[] content) {
        Path file = campaignsDir.resolve(Path.of(fileName).getFileName().toString());
        List<Problem> problems = new ArrayList<>();
        ConfigFile<CampaignDefinition> read = reader.read(file, content, CampaignDefinition.class, problems);
        if (read.value() == null || read.value().code() == null) {
            return new CampaignFileCheck(fileName, null, read.text(), problems, false);
        }
        String code = read.value().code();
        String existing = sources.get(code);
        if (existing != null && existing.equals(read.text()) && problems.isEmpty()) {
            return new CampaignFileCheck(fileName, campaigns.get(code), existing, problems, true);
        }
        if (existing != null) {
            problems.add(new Problem(file, "code", "遴选活动「" + code + "」已在运行，运行中的活动的配置不能上传替换；"
                    + "新一年度请使用新的活动代码（如把年份改为新年份），修改本活动请改 config/campaigns 中的文件后重启系统"));
            return new CampaignFileCheck(fileName, null, read.text(), problems, false);
        }
        // Checked together with every campaign already configured, so that codes and prefixes stay unique.
        List<ConfigFile<CampaignDefinition>> all = new ArrayList<>(campaignFiles);
        all.removeIf(f -> f.path().getFileName().equals(file.getFileName()));
        all.add(read);
        List<Problem> crossFile = new ArrayList<>();
        ConfigurationChecks.check(unitFiles, all, true, crossFile);
        crossFile.stream().filter(p -> p.file().equals(file) || p.message().contains(code)).forEach(problems::add);
        return new CampaignFileCheck(fileName, problems.isEmpty() ? read.value() : null, read.text(), problems, false);
    }

    @Override
    public synchronized void add(CampaignFileCheck checked) {
        if (!checked.ok() || checked.definition() == null) {
            throw new IllegalArgumentException("Only a campaign checked without problems can be added");
        }
        if (checked.unchanged()) {
            return;
        }
        CampaignDefinition definition = checked.definition();
        boolean clash = campaigns.values().stream().anyMatch(c -> c.code().equals(definition.code())
                || c.caseNumberPrefix().equals(definition.caseNumberPrefix()));
        if (clash) {
            throw new IllegalStateException("Campaign " + definition.code() + " or its prefix exists already");
        }
        Map<String, CampaignDefinition> nextCampaigns = new LinkedHashMap<>(campaigns);
        nextCampaigns.put(definition.code(), definition);
        Map<String, String> nextSources = new LinkedHashMap<>(sources);
        nextSources.put(definition.code(), checked.source());
        List<ConfigFile<CampaignDefinition>> nextFiles = new ArrayList<>(campaignFiles);
        nextFiles.add(new ConfigFile<>(campaignsDir.resolve(checked.fileName()), checked.source(), definition,
                KeyLocations.NONE, Set.of()));
        campaignFiles = List.copyOf(nextFiles);
        sources = Collections.unmodifiableMap(nextSources);
        campaigns = Collections.unmodifiableMap(nextCampaigns);
        log.info("遴选活动 {} 已加入配置", definition.code());
    }

    @Override
    public UnitsChange checkUnits(String campaignCode, List<UnitDefinition> newUnits, List<CampaignUnit> campaignUnits) {
        ConfigFile<CampaignDefinition> campaignFile = campaignFiles.stream()
                .filter(f -> f.value() != null && campaignCode.equals(f.value().code())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("没有代码为「" + campaignCode + "」的遴选活动"));
        Path unitFile = unitsDir.resolve(IMPORTED_UNITS);
        List<UnitDefinition> imported = new ArrayList<>();
        unitFiles.stream().filter(f -> f.path().getFileName().toString().equals(IMPORTED_UNITS) && f.value() != null)
                .findFirst().ifPresent(f -> imported.addAll(f.value().units()));
        int firstNew = imported.size();
        imported.addAll(newUnits);
        // No file of imported units is written while there are none: an empty unit file is not valid.
        String unitText = imported.isEmpty() ? null : UnitsYaml.unitFile(imported);
        String campaignText = UnitsYaml.replaceUnits(campaignFile.text(), campaignUnits);

        List<Problem> unitProblems = new ArrayList<>();
        ConfigFile<UnitDirectoryFile> readUnits = unitText == null ? null : reader.read(unitFile,
                unitText.getBytes(StandardCharsets.UTF_8), UnitDirectoryFile.class, unitProblems);
        List<Problem> campaignProblems = new ArrayList<>();
        ConfigFile<CampaignDefinition> readCampaign = reader.read(campaignFile.path(),
                campaignText.getBytes(StandardCharsets.UTF_8), CampaignDefinition.class, campaignProblems);
        List<ConfigFile<UnitDirectoryFile>> allUnits = new ArrayList<>(unitFiles);
        allUnits.removeIf(f -> f.path().getFileName().toString().equals(IMPORTED_UNITS));
        if (readUnits != null) {
            allUnits.add(readUnits);
        }
        List<ConfigFile<CampaignDefinition>> allCampaigns = new ArrayList<>(campaignFiles);
        allCampaigns.replaceAll(f -> f == campaignFile ? readCampaign : f);
        List<Problem> crossFile = new ArrayList<>();
        ConfigurationChecks.check(allUnits, allCampaigns, allUnits.stream().allMatch(f -> f.value() != null), crossFile);
        List<Problem> other = new ArrayList<>();
        for (Problem problem : crossFile) {
            if (problem.file().equals(unitFile)) {
                unitProblems.add(problem);
            } else if (problem.file().equals(campaignFile.path())) {
                campaignProblems.add(problem);
            } else {
                other.add(problem);
            }
        }
        // Keys of the unit file count all its units; the import's rows are the new ones only.
        List<Problem> shifted = unitProblems.stream().map(p -> new Problem(p.file(), shift(p.key(), -firstNew),
                p.message())).toList();
        return new UnitsChange(campaignCode, newUnits, unitText, campaignText, campaignFile.text(), shifted,
                campaignProblems, other);
    }

    private static String shift(String key, int by) {
        if (key == null || !key.startsWith("units[")) {
            return key;
        }
        int end = key.indexOf(']');
        return "units[" + (Integer.parseInt(key.substring(6, end)) + by) + key.substring(end);
    }

    @Override
    public synchronized void applyUnits(UnitsChange change) {
        if (!change.ok()) {
            throw new IllegalArgumentException("Only a units change checked without problems can be applied");
        }
        ConfigFile<CampaignDefinition> campaignFile = campaignFiles.stream()
                .filter(f -> f.value() != null && change.campaignCode().equals(f.value().code())).findFirst()
                .orElseThrow();
        if (!campaignFile.text().equals(change.campaignSourceBefore())) {
            throw new IllegalStateException("Campaign " + change.campaignCode() + " changed since its units were checked");
        }
        List<Problem> problems = new ArrayList<>();
        Path unitFile = unitsDir.resolve(IMPORTED_UNITS);
        ConfigFile<UnitDirectoryFile> readUnits = change.unitFileText() == null ? null : reader.read(unitFile,
                change.unitFileText().getBytes(StandardCharsets.UTF_8), UnitDirectoryFile.class, problems);
        ConfigFile<CampaignDefinition> readCampaign = reader.read(campaignFile.path(),
                change.campaignFileText().getBytes(StandardCharsets.UTF_8), CampaignDefinition.class, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("A checked units change no longer reads: " + problems);
        }
        // The campaign file last: a crash between the two leaves new units nobody refers to yet, which starts.
        if (readUnits != null) {
            write(unitFile, change.unitFileText());
        }
        write(campaignFile.path(), change.campaignFileText());

        List<ConfigFile<UnitDirectoryFile>> nextUnitFiles = new ArrayList<>(unitFiles);
        Map<String, UnitDefinition> nextUnits = new LinkedHashMap<>(units);
        if (readUnits != null) {
            nextUnitFiles.removeIf(f -> f.path().getFileName().toString().equals(IMPORTED_UNITS));
            nextUnitFiles.add(readUnits);
            readUnits.value().units().forEach(u -> nextUnits.put(u.code(), u));
        }
        List<ConfigFile<CampaignDefinition>> nextCampaignFiles = new ArrayList<>(campaignFiles);
        nextCampaignFiles.replaceAll(f -> f == campaignFile ? readCampaign : f);
        Map<String, CampaignDefinition> nextCampaigns = new LinkedHashMap<>(campaigns);
        nextCampaigns.put(change.campaignCode(), readCampaign.value());
        Map<String, String> nextSources = new LinkedHashMap<>(sources);
        nextSources.put(change.campaignCode(), readCampaign.text());
        unitFiles = List.copyOf(nextUnitFiles);
        units = Collections.unmodifiableMap(nextUnits);
        campaignFiles = List.copyOf(nextCampaignFiles);
        sources = Collections.unmodifiableMap(nextSources);
        campaigns = Collections.unmodifiableMap(nextCampaigns);
        log.info("遴选活动 {} 的推荐单位已更新（新增单位 {} 个）", change.campaignCode(), change.newUnits().size());
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".import-", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The YAML files directly in the folder, by name; a missing or empty folder is a problem. */
    private static List<Path> yamlFiles(Path folder, String what, List<Problem> problems) {
        if (!Files.isDirectory(folder)) {
            problems.add(new Problem(folder, "", "找不到" + what + "文件夹"));
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".yaml") || name.endsWith(".yml");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new Problem(folder, "", "无法读取" + what + "文件夹：" + e.getMessage()));
            return List.of();
        }
        if (files.isEmpty()) {
            problems.add(new Problem(folder, "", what + "文件夹中没有 .yaml 或 .yml 文件"));
        }
        return files;
    }
}
