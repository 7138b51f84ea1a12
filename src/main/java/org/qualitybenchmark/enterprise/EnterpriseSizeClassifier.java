package org.qualitybenchmark.enterprise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Sizes an enterprise by 《统计上大中小微型企业划分办法(2017)》 (国统字〔2017〕213号).
 *
 * <p>The industry code picks the row of the table, and each row names the indicators it uses:
 * 从业人员 X (persons), 营业收入 Y and 资产总额 Z (both in 万元). Large, medium and small require every
 * indicator of the row to reach that class's lower bound, otherwise the enterprise drops a class; a
 * single indicator below the small bound makes it micro. That is the lowest of the per-indicator
 * classes. Lower bounds are inclusive.
 *
 * <p>Where the scheme's notes narrow a division, the group or class code decides when it is given:
 * 装卸搬运 (group 591) counts as 交通运输业 rather than 仓储业; 房地产开发经营 (7010) and 物业管理 (7020)
 * have their own rows; 房地产租赁经营 (7040, the 2011 classification's 自有房地产经营活动) is expressly
 * excluded from 其他未列明行业 and so has no row. A bare division code takes the division's main row
 * (59 仓储业, 70 房地产开发经营).
 */
@Component
public class EnterpriseSizeClassifier {

    private static final Pattern INDUSTRY_CODE = Pattern.compile("\\d{2,4}");

    private static final Row AGRICULTURE = new Row("农、林、牧、渔业",
            Threshold.revenue(20_000, 500, 50));
    private static final Row INDUSTRY = new Row("工业",
            Threshold.employees(1_000, 300, 20), Threshold.revenue(40_000, 2_000, 300));
    private static final Row CONSTRUCTION = new Row("建筑业",
            Threshold.revenue(80_000, 6_000, 300), Threshold.assets(80_000, 5_000, 300));
    private static final Row WHOLESALE = new Row("批发业",
            Threshold.employees(200, 20, 5), Threshold.revenue(40_000, 5_000, 1_000));
    private static final Row RETAIL = new Row("零售业",
            Threshold.employees(300, 50, 10), Threshold.revenue(20_000, 500, 100));
    private static final Row TRANSPORT = new Row("交通运输业",
            Threshold.employees(1_000, 300, 20), Threshold.revenue(30_000, 3_000, 200));
    private static final Row WAREHOUSING = new Row("仓储业",
            Threshold.employees(200, 100, 20), Threshold.revenue(30_000, 1_000, 100));
    private static final Row POSTAL = new Row("邮政业",
            Threshold.employees(1_000, 300, 20), Threshold.revenue(30_000, 2_000, 100));
    private static final Row ACCOMMODATION = new Row("住宿业",
            Threshold.employees(300, 100, 10), Threshold.revenue(10_000, 2_000, 100));
    private static final Row CATERING = new Row("餐饮业",
            Threshold.employees(300, 100, 10), Threshold.revenue(10_000, 2_000, 100));
    private static final Row INFORMATION_TRANSMISSION = new Row("信息传输业",
            Threshold.employees(2_000, 100, 10), Threshold.revenue(100_000, 1_000, 100));
    private static final Row SOFTWARE = new Row("软件和信息技术服务业",
            Threshold.employees(300, 100, 10), Threshold.revenue(10_000, 1_000, 50));
    private static final Row REAL_ESTATE_DEVELOPMENT = new Row("房地产开发经营",
            Threshold.revenue(200_000, 1_000, 100), Threshold.assets(10_000, 5_000, 2_000));
    private static final Row PROPERTY_MANAGEMENT = new Row("物业管理",
            Threshold.employees(1_000, 300, 100), Threshold.revenue(5_000, 1_000, 500));
    private static final Row LEASING_AND_BUSINESS_SERVICES = new Row("租赁和商务服务业",
            Threshold.employees(300, 100, 10), Threshold.assets(120_000, 8_000, 100));
    private static final Row OTHER = new Row("其他未列明行业",
            Threshold.employees(300, 100, 10));

    private static final String SCHEME = "《统计上大中小微型企业划分办法(2017)》";

    /**
     * @param industryCode   GB/T 4754-2017 code of 2 to 4 digits (division, group or class)
     * @param employees      从业人员 at year end, persons; null if not given
     * @param revenueWan     营业收入 in 万元 (for 工业, 主营业务收入); null if not given
     * @param totalAssetsWan 资产总额 in 万元; null if not given
     * @throws IllegalArgumentException if a given indicator is negative
     */
    public SizeClassification classify(String industryCode, Long employees, BigDecimal revenueWan,
            BigDecimal totalAssetsWan) {
        Values values = new Values(employees == null ? null : BigDecimal.valueOf(employees), revenueWan, totalAssetsWan);
        if (industryCode == null || !INDUSTRY_CODE.matcher(industryCode).matches()) {
            return unknownIndustry(industryCode);
        }
        int division = Integer.parseInt(industryCode.substring(0, 2));
        if (division < 1 || division > 97) {
            return unknownIndustry(industryCode);
        }
        Optional<Row> row = row(industryCode, division);
        if (row.isEmpty()) {
            String category = outsideCategory(division);
            return new SizeClassification(Optional.empty(), category, List.of(),
                    category + "不在" + SCHEME + "的适用范围内，不划分企业规模");
        }
        return row.get().classify(values);
    }

    private static SizeClassification unknownIndustry(String industryCode) {
        return new SizeClassification(Optional.empty(), "未知行业", List.of(),
                "“" + (industryCode == null ? "" : industryCode)
                        + "”不是有效的国民经济行业代码（GB/T 4754-2017，2至4位数字），无法划分企业规模");
    }

    private static Optional<Row> row(String code, int division) {
        String group = code.length() >= 3 ? code.substring(0, 3) : null;
        Row row;
        if (division <= 5) {
            row = AGRICULTURE;
        } else if (division <= 46) {
            row = INDUSTRY;
        } else if (division <= 50) {
            row = CONSTRUCTION;
        } else if (division == 51) {
            row = WHOLESALE;
        } else if (division == 52) {
            row = RETAIL;
        } else if (division == 53) {
            // The scheme's 交通运输业 expressly leaves out railway transport.
            row = OTHER;
        } else if (division <= 58) {
            row = TRANSPORT;
        } else if (division == 59) {
            row = "591".equals(group) ? TRANSPORT : WAREHOUSING;
        } else if (division == 60) {
            row = POSTAL;
        } else if (division == 61) {
            row = ACCOMMODATION;
        } else if (division == 62) {
            row = CATERING;
        } else if (division <= 64) {
            row = INFORMATION_TRANSMISSION;
        } else if (division == 65) {
            row = SOFTWARE;
        } else if (division <= 69) {
            row = null;
        } else if (division == 70) {
            row = realEstate(group);
        } else if (division <= 72) {
            row = LEASING_AND_BUSINESS_SERVICES;
        } else if (division <= 82) {
            row = OTHER;
        } else if (division <= 84) {
            row = null;
        } else if (division <= 90) {
            row = OTHER;
        } else {
            row = null;
        }
        return Optional.ofNullable(row);
    }

    private static Row realEstate(String group) {
        if (group == null || group.equals("701")) {
            return REAL_ESTATE_DEVELOPMENT;
        }
        if (group.equals("702")) {
            return PROPERTY_MANAGEMENT;
        }
        if (group.equals("704")) {
            return null;
        }
        return OTHER;
    }

    private static String outsideCategory(int division) {
        if (division >= 66 && division <= 69) {
            return "金融业";
        }
        if (division == 70) {
            return "房地产租赁经营（自有房地产经营活动）";
        }
        if (division == 83) {
            return "教育";
        }
        if (division == 84) {
            return "卫生";
        }
        if (division == 97) {
            return "国际组织";
        }
        return "公共管理、社会保障和社会组织";
    }

    private enum Indicator {
        EMPLOYEES("从业人员", "人"),
        REVENUE("营业收入", "万元"),
        TOTAL_ASSETS("资产总额", "万元");

        private final String label;
        private final String unit;

        Indicator(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }
    }

    private record Values(BigDecimal employees, BigDecimal revenue, BigDecimal totalAssets) {

        Values {
            requireNotNegative(employees, Indicator.EMPLOYEES);
            requireNotNegative(revenue, Indicator.REVENUE);
            requireNotNegative(totalAssets, Indicator.TOTAL_ASSETS);
        }

        BigDecimal of(Indicator indicator) {
            return switch (indicator) {
                case EMPLOYEES -> employees;
                case REVENUE -> revenue;
                case TOTAL_ASSETS -> totalAssets;
            };
        }

        private static void requireNotNegative(BigDecimal value, Indicator indicator) {
            if (value != null && value.signum() < 0) {
                throw new IllegalArgumentException(indicator.label + "不能为负数，实际为" + value.toPlainString());
            }
        }
    }

    /** Lower bounds of the large, medium and small classes for one indicator; below small is micro. */
    private record Threshold(Indicator indicator, BigDecimal large, BigDecimal medium, BigDecimal small) {

        static Threshold employees(long large, long medium, long small) {
            return new Threshold(Indicator.EMPLOYEES, BigDecimal.valueOf(large), BigDecimal.valueOf(medium),
                    BigDecimal.valueOf(small));
        }

        static Threshold revenue(long large, long medium, long small) {
            return new Threshold(Indicator.REVENUE, BigDecimal.valueOf(large), BigDecimal.valueOf(medium),
                    BigDecimal.valueOf(small));
        }

        static Threshold assets(long large, long medium, long small) {
            return new Threshold(Indicator.TOTAL_ASSETS, BigDecimal.valueOf(large), BigDecimal.valueOf(medium),
                    BigDecimal.valueOf(small));
        }

        SizeClass classOf(BigDecimal value) {
            if (value.compareTo(large) >= 0) {
                return SizeClass.LARGE;
            }
            if (value.compareTo(medium) >= 0) {
                return SizeClass.MEDIUM;
            }
            if (value.compareTo(small) >= 0) {
                return SizeClass.SMALL;
            }
            return SizeClass.MICRO;
        }
    }

    private record Row(String category, List<Threshold> thresholds) {

        Row(String category, Threshold... thresholds) {
            this(category, List.of(thresholds));
        }

        SizeClassification classify(Values values) {
            List<String> missing = new ArrayList<>();
            for (Threshold threshold : thresholds) {
                if (values.of(threshold.indicator()) == null) {
                    missing.add(threshold.indicator().label);
                }
            }
            if (!missing.isEmpty()) {
                return new SizeClassification(Optional.empty(), category, missing,
                        category + "：缺少" + String.join("、", missing) + "，无法划分企业规模");
            }
            List<SizeClass> classes = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            for (Threshold threshold : thresholds) {
                BigDecimal value = values.of(threshold.indicator());
                SizeClass sizeClass = threshold.classOf(value);
                classes.add(sizeClass);
                parts.add(threshold.indicator().label + value.stripTrailingZeros().toPlainString()
                        + threshold.indicator().unit + "（" + sizeClass.label() + "）");
            }
            SizeClass lowest = Collections.min(classes);
            boolean allEqual = classes.stream().distinct().count() == 1;
            String conclusion = allEqual ? "为" + lowest.label() : "取较低者为" + lowest.label();
            return new SizeClassification(Optional.of(lowest), category, List.of(),
                    category + "：" + String.join("，", parts) + "，" + conclusion);
        }
    }
}
