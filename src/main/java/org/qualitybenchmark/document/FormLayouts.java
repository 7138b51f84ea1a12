package org.qualitybenchmark.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.CampaignRegistry;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConfigurationFileException;
import org.qualitybenchmark.support.ConfigYaml;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;

/**
 * The form layouts of {@code config/application-forms/*.yaml}, read once at start-up. Like the
 * campaign files, every fault is collected and start-up stops naming file and key: an unknown key,
 * a file for a campaign that does not exist, two files for one campaign, a cover line without a
 * label. A campaign added while running, or one without a file, gets the standard cover.
 */
@Component
class FormLayouts {

    private static final Logger log = LoggerFactory.getLogger(FormLayouts.class);

    private final Map<String, FormLayout> layouts;

    @Autowired
    FormLayouts(AppProperties properties, CampaignRegistry registry) {
        this(properties.configDir().resolve("application-forms"),
                registry.campaigns().stream().map(CampaignDefinition::code).toList());
    }

    FormLayouts(Path dir, List<String> campaignCodes) {
        List<Problem> problems = new ArrayList<>();
        Map<String, FormLayout> byCampaign = new LinkedHashMap<>();
        for (Path file : files(dir, problems)) {
            FormLayout layout = read(file, problems);
            if (layout == null) {
                continue;
            }
            if (layout.campaign() == null || !campaignCodes.contains(layout.campaign())) {
                problems.add(new Problem(file, "campaign", "没有遴选活动“" + layout.campaign() + "”；可用："
                        + String.join("、", campaignCodes)));
            } else if (byCampaign.putIfAbsent(layout.campaign(), layout) != null) {
                problems.add(new Problem(file, "campaign", "遴选活动“" + layout.campaign() + "”的申报书格式已在另一个文件中定义"));
            }
            check(file, layout, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationFileException(problems);
        }
        this.layouts = Collections.unmodifiableMap(byCampaign);
        log.info("已读取 {} 个申报书格式 {}", layouts.size(), layouts.keySet());
    }

    /** The layout of the campaign's form: its own file's, or the standard one. */
    FormLayout of(CampaignDefinition campaign) {
        FormLayout layout = layouts.get(campaign.code());
        return layout != null ? layout : FormLayout.standard(campaign.code(), campaign.name());
    }

    private static List<Path> files(Path dir, List<Problem> problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(dir, "", "无法读取申报书格式文件夹：" + e.getMessage()));
            return List.of();
        }
    }

    private static FormLayout read(Path file, List<Problem> problems) {
        int before = problems.size();
        FormLayout layout = ConfigYaml.read(file, FormLayout.class, problems).orElse(null);
        if (layout == null && problems.size() == before) {
            problems.add(new Problem(file, "", "文件是空的"));
        }
        return layout;
    }

    private static void check(Path file, FormLayout layout, List<Problem> problems) {
        if (layout.title() == null || layout.title().isBlank()) {
            problems.add(new Problem(file, "title", "请填写申报书的标题"));
        }
        for (int i = 0; i < layout.cover().size(); i++) {
            FormLayout.CoverLine line = layout.cover().get(i);
            if (line == null || line.label() == null || line.label().isBlank() || line.value() == null) {
                problems.add(new Problem(file, "cover[" + i + "]", "封面每一行需要 label（文字）和 value（"
                        + Stream.of(FormLayout.CoverValue.values()).map(Enum::name).collect(Collectors.joining("、")) + "）"));
            }
        }
        if (layout.pledge() != null && (layout.pledge().title() == null || layout.pledge().paragraphs().isEmpty())) {
            problems.add(new Problem(file, "pledge", "承诺书需要 title 和 paragraphs"));
        }
        if (layout.instructions() != null && layout.instructions().paragraphs().isEmpty()) {
            problems.add(new Problem(file, "instructions.paragraphs", "填报说明没有内容"));
        }
        if (layout.recommendation() != null && layout.recommendation().title() == null) {
            problems.add(new Problem(file, "recommendation.title", "推荐表需要标题"));
        }
    }
}
