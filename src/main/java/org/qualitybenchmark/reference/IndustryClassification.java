package org.qualitybenchmark.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConfigurationFileException;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The GB/T 4754-2017 sections and divisions from {@value #FILE_NAME}. Enterprises give an industry
 * code of 2 to 4 digits (division, group or class); its first two digits name the division.
 */
@Component
public class IndustryClassification {

    public static final String FILE_NAME = "gbt4754-divisions.json";

    private static final Pattern INDUSTRY_CODE = Pattern.compile("\\d{2,4}");
    private static final Pattern SECTION_CODE = Pattern.compile("[A-Z]");
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{2}");

    private final Map<String, IndustryDivision> divisions;

    @Autowired
    public IndustryClassification(AppProperties properties) {
        this(properties.referenceDir().resolve(FILE_NAME));
    }

    public IndustryClassification(Path file) {
        this.divisions = Collections.unmodifiableMap(load(file));
    }

    /** The division of a 2- to 4-digit industry code; empty for anything else or an unknown division. */
    public Optional<IndustryDivision> division(String industryCode) {
        if (industryCode == null || !INDUSTRY_CODE.matcher(industryCode).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(divisions.get(industryCode.substring(0, 2)));
    }

    /** Whether the code lies in divisions 06–46, the 工业 enterprises the campaign is mainly open to. */
    public boolean isIndustrial(String industryCode) {
        return division(industryCode).map(IndustryDivision::isIndustrial).orElse(false);
    }

    /** All divisions in code order, e.g. for a selection list. */
    public List<IndustryDivision> divisions() {
        return List.copyOf(divisions.values());
    }

    private static Map<String, IndustryDivision> load(Path file) {
        JsonNode root = ReferenceFiles.readObject(file);
        List<Problem> problems = new ArrayList<>();
        Map<String, IndustryDivision> result = new TreeMap<>();
        JsonNode sections = ReferenceFiles.requiredArray(root.get("sections"), file, "sections", problems);
        if (sections != null) {
            for (int i = 0; i < sections.size(); i++) {
                readSection(sections.get(i), file, "sections[" + i + "]", result, problems);
            }
            if (problems.isEmpty() && result.isEmpty()) {
                problems.add(new Problem(file, "sections", "没有任何行业大类"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationFileException(problems);
        }
        return result;
    }

    private static void readSection(JsonNode section, Path file, String key,
            Map<String, IndustryDivision> result, List<Problem> problems) {
        if (ReferenceFiles.requiredObject(section, file, key, problems) == null) {
            return;
        }
        String sectionCode = ReferenceFiles.requiredText(section.get("code"), file, key + ".code", problems);
        if (sectionCode != null && !SECTION_CODE.matcher(sectionCode).matches()) {
            problems.add(new Problem(file, key + ".code", "门类代码应为一个大写字母，实际为“" + sectionCode + "”"));
        }
        String sectionName = ReferenceFiles.requiredText(section.get("name"), file, key + ".name", problems);
        JsonNode divisionNodes = ReferenceFiles.requiredArray(section.get("divisions"), file, key + ".divisions", problems);
        if (divisionNodes == null) {
            return;
        }
        for (int j = 0; j < divisionNodes.size(); j++) {
            String divisionKey = key + ".divisions[" + j + "]";
            JsonNode division = divisionNodes.get(j);
            if (ReferenceFiles.requiredObject(division, file, divisionKey, problems) == null) {
                continue;
            }
            String code = ReferenceFiles.requiredText(division.get("code"), file, divisionKey + ".code", problems);
            String name = ReferenceFiles.requiredText(division.get("name"), file, divisionKey + ".name", problems);
            if (code != null && !DIVISION_CODE.matcher(code).matches()) {
                problems.add(new Problem(file, divisionKey + ".code", "大类代码应为两位数字，实际为“" + code + "”"));
            } else if (code != null && result.containsKey(code)) {
                problems.add(new Problem(file, divisionKey + ".code", "大类代码“" + code + "”重复出现"));
            } else if (code != null && name != null && sectionCode != null && sectionName != null) {
                result.put(code, new IndustryDivision(code, name, sectionCode, sectionName));
            }
        }
    }
}
