package org.qualitybenchmark.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConfigurationFileException;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * GB/T 2260 administrative division names from {@value #FILE_NAME}: every province, and the
 * prefecture-level cities of the provinces the campaigns run in (the file's {@code focus} lists).
 * Codes are written PP (province), PPCC (prefecture) or PPCCDD (county), the same digits as
 * positions 3–8 of a USCC.
 */
@Component
public class AdministrativeDivisions {

    public static final String FILE_NAME = "divisions.json";

    private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");
    private static final Pattern PREFECTURE_CODE = Pattern.compile("\\d{4}");
    private static final Pattern COUNTY_CODE = Pattern.compile("\\d{6}");
    private static final Pattern REGION_PREFIX = Pattern.compile("\\d{2,6}");

    private final Map<String, String> provinces = new HashMap<>();
    private final Map<String, String> prefectures = new HashMap<>();
    private final Map<String, String> counties = new HashMap<>();

    @Autowired
    public AdministrativeDivisions(AppProperties properties) {
        this(properties.referenceDir().resolve(FILE_NAME));
    }

    public AdministrativeDivisions(Path file) {
        load(file);
    }

    /** The province for a two-digit code such as "13" (河北省). */
    public Optional<String> provinceName(String twoDigitCode) {
        if (twoDigitCode == null || !PROVINCE_CODE.matcher(twoDigitCode).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(provinces.get(twoDigitCode));
    }

    /**
     * The prefecture-level unit for a four-digit code such as "1301" (石家庄市). Only the provinces in
     * the file's focus lists are known. A code ending in 90 is the province's group of directly
     * administered county-level units (Henan's 4190 省直辖县级行政区划), not a city.
     */
    public Optional<String> prefectureName(String fourDigitCode) {
        if (fourDigitCode == null || !PREFECTURE_CODE.matcher(fourDigitCode).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(prefectures.get(fourDigitCode));
    }

    /**
     * A readable place for a region code or prefix of 2 to 6 digits, as far as the data goes:
     * "13" gives 河北省, "1301", "130100" and "130102" give 河北省石家庄市. County names are added only
     * where the file lists them (Luoyang's districts, Jiyuan). A code whose province is unknown comes
     * back unchanged, so callers can always show something.
     */
    public String describe(String regionCodePrefix) {
        if (regionCodePrefix == null) {
            return "";
        }
        String code = regionCodePrefix.strip();
        if (!REGION_PREFIX.matcher(code).matches()) {
            return code;
        }
        String province = provinces.get(code.substring(0, 2));
        if (province == null) {
            return code;
        }
        StringBuilder place = new StringBuilder(province);
        if (code.length() >= 4) {
            String prefectureCode = code.substring(0, 4);
            String prefecture = prefectures.get(prefectureCode);
            // The xx90 group is an administrative bucket; naming it would read as if it were a city.
            if (prefecture != null && !prefectureCode.endsWith("90")) {
                place.append(prefecture);
            }
        }
        if (code.length() == 6) {
            String county = counties.get(code);
            if (county != null) {
                place.append(county);
            }
        }
        return place.toString();
    }

    private void load(Path file) {
        JsonNode root = ReferenceFiles.readObject(file);
        List<Problem> problems = new ArrayList<>();
        readProvinces(root, file, problems);
        readFocus(root, file, problems);
        readLuoyang(root, file, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationFileException(problems);
        }
    }

    private void readProvinces(JsonNode root, Path file, List<Problem> problems) {
        JsonNode node = ReferenceFiles.requiredObject(root.get("provinces"), file, "provinces", problems);
        if (node == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = "provinces." + entry.getKey();
            if (!PROVINCE_CODE.matcher(entry.getKey()).matches()) {
                problems.add(new Problem(file, key, "省级代码应为两位数字"));
                continue;
            }
            String name = ReferenceFiles.requiredText(entry.getValue(), file, key, problems);
            if (name != null) {
                provinces.put(entry.getKey(), name);
            }
        }
    }

    private void readFocus(JsonNode root, Path file, List<Problem> problems) {
        JsonNode focus = ReferenceFiles.requiredObject(root.get("focus"), file, "focus", problems);
        if (focus == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : focus.properties()) {
            String provinceCode = entry.getKey();
            String key = "focus." + provinceCode;
            if (!provinces.containsKey(provinceCode)) {
                problems.add(new Problem(file, key, "“" + provinceCode + "”不是 provinces 中列出的省级代码"));
                continue;
            }
            if (ReferenceFiles.requiredObject(entry.getValue(), file, key, problems) == null) {
                continue;
            }
            JsonNode cities = ReferenceFiles.requiredArray(entry.getValue().get("cities"), file, key + ".cities", problems);
            if (cities == null) {
                continue;
            }
            for (int i = 0; i < cities.size(); i++) {
                readCity(cities.get(i), provinceCode, file, key + ".cities[" + i + "]", problems);
            }
        }
    }

    private void readCity(JsonNode city, String provinceCode, Path file, String key, List<Problem> problems) {
        if (ReferenceFiles.requiredObject(city, file, key, problems) == null) {
            return;
        }
        String code = ReferenceFiles.requiredText(city.get("code"), file, key + ".code", problems);
        String name = ReferenceFiles.requiredText(city.get("name"), file, key + ".name", problems);
        if (code == null || name == null) {
            return;
        }
        if (!PREFECTURE_CODE.matcher(code).matches() || !code.startsWith(provinceCode)) {
            problems.add(new Problem(file, key + ".code", "地级代码应为以" + provinceCode + "开头的四位数字，实际为“" + code + "”"));
            return;
        }
        if (prefectures.putIfAbsent(code, name) != null) {
            problems.add(new Problem(file, key + ".code", "地级代码“" + code + "”重复出现"));
            return;
        }
        JsonNode children = city.get("children");
        if (children != null) {
            readCounties(children, code, file, key + ".children", problems);
        }
    }

    private void readLuoyang(JsonNode root, Path file, List<Problem> problems) {
        JsonNode luoyang = root.get("luoyang");
        if (luoyang == null) {
            return;
        }
        if (ReferenceFiles.requiredObject(luoyang, file, "luoyang", problems) == null) {
            return;
        }
        String code = ReferenceFiles.requiredText(luoyang.get("code"), file, "luoyang.code", problems);
        if (code == null) {
            return;
        }
        if (!PREFECTURE_CODE.matcher(code).matches()) {
            problems.add(new Problem(file, "luoyang.code", "地级代码应为四位数字，实际为“" + code + "”"));
            return;
        }
        readCounties(luoyang.get("districts"), code, file, "luoyang.districts", problems);
    }

    private void readCounties(JsonNode list, String prefectureCode, Path file, String key, List<Problem> problems) {
        if (ReferenceFiles.requiredArray(list, file, key, problems) == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String itemKey = key + "[" + i + "]";
            JsonNode county = list.get(i);
            if (ReferenceFiles.requiredObject(county, file, itemKey, problems) == null) {
                continue;
            }
            String code = ReferenceFiles.requiredText(county.get("code"), file, itemKey + ".code", problems);
            String name = ReferenceFiles.requiredText(county.get("name"), file, itemKey + ".name", problems);
            if (code == null || name == null) {
                continue;
            }
            if (!COUNTY_CODE.matcher(code).matches() || !code.startsWith(prefectureCode)) {
                problems.add(new Problem(file, itemKey + ".code", "县级代码应为以" + prefectureCode + "开头的六位数字，实际为“" + code + "”"));
                continue;
            }
            counties.put(code, name);
        }
    }
}
