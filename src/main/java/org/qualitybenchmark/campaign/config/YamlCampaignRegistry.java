package org.qualitybenchmark.campaign.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    private final Map<String, CampaignDefinition> campaigns;
    private final Map<String, String> sources;
    private final Map<String, UnitDefinition> units;

    @Autowired
    public YamlCampaignRegistry(AppProperties properties, Validator validator) {
        this(properties.unitsDir(), properties.campaignsDir(), validator);
    }

    public YamlCampaignRegistry(Path unitsDir, Path campaignsDir, Validator validator) {
        YamlConfigReader reader = new YamlConfigReader(validator);
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
