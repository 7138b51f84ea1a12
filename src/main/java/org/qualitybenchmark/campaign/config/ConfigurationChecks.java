package org.qualitybenchmark.campaign.config;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.qualitybenchmark.campaign.config.TableLayout.Condition;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;
import org.springframework.util.unit.DataSize;

/**
 * The rules no single annotation can state: references between files, unique codes, the order of
 * the notice's dates. Every check tolerates nulls, because a file with a missing key still goes
 * through here so that its other faults are reported in the same run.
 */
final class ConfigurationChecks {

    private static final int FIRST_DIVISION = 1;
    private static final int LAST_DIVISION = 97;

    private final List<Problem> problems;

    private ConfigurationChecks(List<Problem> problems) {
        this.problems = problems;
    }

    /**
     * @param unitsComplete every unit file could be read, so a campaign's reference to a code not
     *                      found is really wrong and not a consequence of a broken unit file
     */
    static void check(List<ConfigFile<UnitDirectoryFile>> unitFiles, List<ConfigFile<CampaignDefinition>> campaignFiles,
            boolean unitsComplete, List<Problem> problems) {
        ConfigurationChecks checks = new ConfigurationChecks(problems);
        Map<String, UnitDefinition> units = checks.units(unitFiles);
        checks.campaigns(campaignFiles, unitsComplete ? units : null);
    }

    private Map<String, UnitDefinition> units(List<ConfigFile<UnitDirectoryFile>> files) {
        Map<String, UnitDefinition> units = new HashMap<>();
        Map<String, String> definedAt = new HashMap<>();
        for (ConfigFile<UnitDirectoryFile> file : files) {
            if (file.value() == null) {
                continue;
            }
            noEmptyItems(file, file.value().units(), "units");
            each(file.value().units(), "units", (unit, key) -> {
                if (unit.code() == null) {
                    return;
                }
                String first = definedAt.putIfAbsent(unit.code(), file.path() + " 的 " + key);
                if (first != null) {
                    report(file, key + ".code", "单位代码「" + unit.code() + "」重复，已在 " + first + " 定义");
                } else {
                    units.put(unit.code(), unit);
                }
            });
        }
        for (ConfigFile<UnitDirectoryFile> file : files) {
            if (file.value() == null) {
                continue;
            }
            each(file.value().units(), "units", (unit, key) -> {
                if (unit.parent() == null) {
                    return;
                }
                if (unit.parent().equals(unit.code())) {
                    report(file, key + ".parent", "上级单位不能是自身");
                } else if (!units.containsKey(unit.parent())) {
                    report(file, key + ".parent", "上级单位「" + unit.parent() + "」未在单位目录（units 文件夹）中定义");
                }
            });
        }
        return units;
    }

    private void campaigns(List<ConfigFile<CampaignDefinition>> files, Map<String, UnitDefinition> units) {
        Map<String, String> codes = new HashMap<>();
        Map<String, String> prefixes = new HashMap<>();
        for (ConfigFile<CampaignDefinition> file : files) {
            CampaignDefinition campaign = file.value();
            if (campaign == null) {
                continue;
            }
            unique(file, "code", campaign.code(), codes, "活动代码");
            unique(file, "caseNumberPrefix", campaign.caseNumberPrefix(), prefixes, "案件编号前缀");
            campaign(file, campaign, units);
        }
    }

    private void unique(ConfigFile<?> file, String key, String value, Map<String, String> seen, String what) {
        if (value == null) {
            return;
        }
        String first = seen.putIfAbsent(value, file.path().toString());
        if (first != null) {
            report(file, key, what + "「" + value + "」与 " + first + " 重复");
        }
    }

    private void campaign(ConfigFile<CampaignDefinition> file, CampaignDefinition c, Map<String, UnitDefinition> units) {
        if (c.caseNumberPrefix() != null && c.year() != null && !c.caseNumberPrefix().endsWith(String.valueOf(c.year()))) {
            report(file, "caseNumberPrefix",
                    "案件编号前缀应以活动年份 " + c.year() + " 结尾，实际为「" + c.caseNumberPrefix() + "」");
        }
        schedule(file, c);

        noEmptyItems(file, c.directions(), "directions");
        noEmptyItems(file, c.units(), "units");
        noEmptyItems(file, c.texts(), "texts");
        if (c.attachments() != null) {
            noEmptyItems(file, c.attachments().kinds(), "attachments.kinds");
        }
        if (c.directions() != null) {
            codes(file, c.directions(), "directions", "code", Direction::code, "方向代码");
            if (c.maxDirections() != null && c.maxDirections() > c.directions().size()) {
                report(file, "maxDirections",
                        "最多可选 " + c.maxDirections() + " 个方向，但 directions 只定义了 " + c.directions().size() + " 个");
            }
        }
        if (c.eligibility() != null) {
            eligibility(file, c.eligibility(), c.year());
        }
        if (c.units() != null) {
            campaignUnits(file, c, units);
        }
        if (c.quota() != null) {
            quota(file, c.quota());
        }
        if (c.texts() != null) {
            codes(file, c.texts(), "texts", "key", TextSection::key, "文本键");
            if (c.texts().stream().noneMatch(t -> t != null && TextSection.TITLE.equals(t.key()))) {
                report(file, "texts", "缺少经验名称一节（key: " + TextSection.TITLE + "），案件以它为标题");
            }
            each(c.texts(), "texts", (text, key) -> {
                if (TextSection.TITLE.equals(text.key()) && !text.required()) {
                    report(file, key + ".required", "经验名称是案件的标题，必须为必填（required: true）");
                }
            });
        }
        if (c.attachments() != null && c.attachments().kinds() != null) {
            attachments(file, c.attachments());
        }
        fields(file, c.fields());
        if (c.recommendation() != null) {
            noEmptyItems(file, c.recommendation().documents(), "recommendation.documents");
            codes(file, c.recommendation().documents(), "recommendation.documents", "code", UnitDocumentKind::code,
                    "推荐单位材料代码");
            if (c.recommendation().summaryTable() != null) {
                summaryTable(file, c, c.recommendation().summaryTable());
            }
        }
    }

    /** Each column shows something the case has in this campaign; the lines use only known placeholders. */
    private void summaryTable(ConfigFile<?> file, CampaignDefinition c, SummaryTableLayout layout) {
        String at = "recommendation.summaryTable";
        noEmptyItems(file, layout.columns(), at + ".columns");
        noEmptyItems(file, layout.header(), at + ".header");
        noEmptyItems(file, layout.footer(), at + ".footer");
        each(layout.columns(), at + ".columns", (column, key) -> {
            String problem = column.value() == null ? null : summaryValueProblem(c, column.value());
            if (problem != null) {
                report(file, key + ".value", problem);
            }
        });
        for (String[] text : layout.texts()) {
            for (String name : SummaryTableLayout.placeholders(text[1])) {
                if (!SummaryTableLayout.PLACEHOLDERS.contains(name)) {
                    report(file, at + "." + text[0], "未知的占位符「{" + name + "}」；可用的占位符："
                            + String.join("、", SummaryTableLayout.PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}")
                                    .toList()));
                }
            }
        }
    }

    private static String summaryValueProblem(CampaignDefinition c, String value) {
        if (SummaryTableLayout.VALUES.contains(value)) {
            return null;
        }
        int dot = value.indexOf('.');
        String prefix = dot < 0 ? value : value.substring(0, dot + 1);
        String name = dot < 0 ? "" : value.substring(dot + 1);
        if (!SummaryTableLayout.PREFIXED_VALUES.contains(prefix)) {
            return "汇总表的列不能显示「" + value + "」；可用的值见 config/README.md，如 enterprise.name、title、"
                    + "contact.phones、revenue.<年度>、field.<字段键>";
        }
        switch (prefix) {
            case "field." -> {
                Optional<ExtraField> field = c.fields().stream().filter(f -> f != null && name.equals(f.key())).findFirst();
                if (field.isEmpty()) {
                    return "本活动没有附加字段「" + name + "」（fields 中的 key）";
                }
                if (field.get().type() == ExtraField.FieldType.TABLE) {
                    return "统计表字段「" + name + "」不能放在汇总表的一列中";
                }
            }
            case "text." -> {
                if (c.texts() == null || c.texts().stream().noneMatch(t -> t != null && name.equals(t.key()))) {
                    return "本活动没有文本「" + name + "」（texts 中的 key）";
                }
            }
            default -> {
                List<Integer> years = c.eligibility() == null ? List.of() : c.eligibility().financialYears();
                if (years == null || years.stream().noneMatch(y -> String.valueOf(y).equals(name))) {
                    return "「" + name + "」不是本活动申报表填报的年度（eligibility.financialYears："
                            + (years == null ? "" : years) + "）";
                }
            }
        }
        return null;
    }

    private record Step(LocalDate date, String key, String name) {
    }

    /** Each date must not precede the nearest earlier date in the chain that is filled in. */
    private void schedule(ConfigFile<CampaignDefinition> file, CampaignDefinition c) {
        Schedule s = c.schedule();
        if (s == null) {
            return;
        }
        List<Step> chain = List.of(
                new Step(c.publishedOn(), "publishedOn", "通知发布日期"),
                new Step(s.applicationOpens(), "schedule.applicationOpens", "申报开始日期"),
                new Step(s.applicationCloses(), "schedule.applicationCloses", "申报截止日期"),
                new Step(s.recommendationDue(), "schedule.recommendationDue", "推荐截止日期"),
                new Step(s.onlineSubmissionDue(), "schedule.onlineSubmissionDue", "网上申报截止日期"));
        Step previous = null;
        for (Step step : chain) {
            if (step.date() == null) {
                continue;
            }
            if (previous != null && step.date().isBefore(previous.date())) {
                report(file, step.key(), step.name() + " " + step.date() + " 早于" + previous.name()
                        + "（" + previous.key() + "）" + previous.date());
            }
            previous = step;
        }
        LocalDate county = s.countyScreeningDue();
        if (county != null) {
            if (s.applicationCloses() != null && county.isBefore(s.applicationCloses())) {
                report(file, "schedule.countyScreeningDue", "县级初审截止日期 " + county + " 早于申报截止日期（schedule.applicationCloses）"
                        + s.applicationCloses());
            }
            if (s.recommendationDue() != null && county.isAfter(s.recommendationDue())) {
                report(file, "schedule.countyScreeningDue", "县级初审截止日期 " + county + " 晚于推荐截止日期（schedule.recommendationDue）"
                        + s.recommendationDue());
            }
            if (c.procedure() != null && !c.procedure().countyScreening()) {
                report(file, "schedule.countyScreeningDue", "本活动不设县级初审（procedure.countyScreening: false），不应填写县级初审截止日期");
            }
        }
    }

    private void eligibility(ConfigFile<?> file, Eligibility e, Integer year) {
        Set<Integer> seen = new HashSet<>();
        List<Integer> years = e.financialYears() == null ? List.of() : e.financialYears();
        for (int i = 0; i < years.size(); i++) {
            Integer y = years.get(i);
            String key = ConfigKeys.element("eligibility.financialYears", i);
            if (y == null) {
                continue;
            }
            if (year != null && y >= year) {
                report(file, key, "财务年度 " + y + " 应早于活动年份 " + year);
            }
            if (!seen.add(y)) {
                report(file, key, "财务年度 " + y + " 重复");
            }
        }
        for (int i = 0; i < e.industryDivisions().size(); i++) {
            String range = e.industryDivisions().get(i);
            if (range == null || !range.matches("[0-9]{2}(-[0-9]{2})?")) {
                continue;
            }
            String[] bounds = range.split("-");
            int low = Integer.parseInt(bounds[0]);
            int high = bounds.length == 2 ? Integer.parseInt(bounds[1]) : low;
            String key = ConfigKeys.element("eligibility.industryDivisions", i);
            if (low < FIRST_DIVISION || high > LAST_DIVISION) {
                report(file, key, "国民经济行业分类大类代码应在 01–97 之间，实际为「" + range + "」");
            } else if (low > high) {
                report(file, key, "范围的起点大于终点：「" + range + "」");
            }
        }
    }

    /** A kind's minimum cannot exceed its quota: no unit of that kind could ever submit a list. */
    private void quota(ConfigFile<?> file, QuotaRules quota) {
        quota.minimumPerKind().forEach((kind, minimum) -> {
            Integer maximum = quota.perKind().get(kind);
            if (minimum != null && maximum != null && minimum > maximum) {
                report(file, "quota.minimumPerKind." + kind, kind.label() + "至少推荐 " + minimum + " 项，超过其推荐名额 "
                        + maximum + " 项（quota.perKind." + kind + "）");
            }
        });
    }

    private void campaignUnits(ConfigFile<CampaignDefinition> file, CampaignDefinition c, Map<String, UnitDefinition> units) {
        Map<String, String> listed = new HashMap<>();
        each(c.units(), "units", (entry, key) -> {
            if (entry.quota() != null && entry.unlimited()) {
                report(file, key + ".quota", "quota 与 unlimited: true 不能同时设置");
            }
            if (entry.unit() == null) {
                return;
            }
            String first = listed.putIfAbsent(entry.unit(), key);
            if (first != null) {
                report(file, key + ".unit", "推荐单位「" + entry.unit() + "」重复列出，与 " + first + " 相同");
                return;
            }
            if (units == null) {
                return;
            }
            UnitDefinition unit = units.get(entry.unit());
            if (unit == null) {
                report(file, key + ".unit", "推荐单位「" + entry.unit() + "」未在单位目录（units 文件夹）中定义");
            } else if (unit.region() != null && c.region() != null && !unit.region().startsWith(c.region())) {
                report(file, key + ".unit", "推荐单位「" + entry.unit() + "」的行政区划 " + unit.region()
                        + " 不在本活动地区 " + c.region() + " 之内");
            }
        });
    }

    private void attachments(ConfigFile<?> file, AttachmentRules rules) {
        codes(file, rules.kinds(), "attachments.kinds", "code", AttachmentKind::code, "附件类别代码");
        DataSize limit = rules.maxPackageSize();
        each(rules.kinds(), "attachments.kinds", (kind, key) -> {
            if (limit != null && kind.maxFileSize() != null && kind.maxFileSize().compareTo(limit) > 0) {
                report(file, key + ".maxFileSize", "单个文件上限 " + format(kind.maxFileSize())
                        + " 超过了整包上限 attachments.maxPackageSize " + format(limit));
            }
            uploadStages(file, kind, key + ".uploadStages");
        });
    }

    private void uploadStages(ConfigFile<?> file, AttachmentKind kind, String list) {
        noEmptyItems(file, kind.uploadStages(), list);
        Set<String> seen = new HashSet<>();
        each(kind.uploadStages(), list, (stage, key) -> {
            if (!CaseStageNames.LABELS.containsKey(stage)) {
                report(file, key, "「" + stage + "」不是案件阶段，可用：" + String.join("、", CaseStageNames.LABELS.entrySet()
                        .stream().map(e -> e.getKey() + "（" + e.getValue() + "）").toList()));
            } else if (!seen.add(stage)) {
                report(file, key, "案件阶段「" + stage + "」重复");
            }
        });
    }

    private void fields(ConfigFile<?> file, List<ExtraField> fields) {
        codes(file, fields, "fields", "key", ExtraField::key, "字段键");
        each(fields, "fields", (field, key) -> {
            boolean choice = field.type() == ExtraField.FieldType.CHOICE || field.type() == ExtraField.FieldType.MULTI_CHOICE;
            if (choice && field.options().isEmpty()) {
                report(file, key + ".options", field.type() + " 字段需要在 options 中列出可选项");
            } else if (!choice && field.type() != null && !field.options().isEmpty()) {
                report(file, key + ".options", "只有 CHOICE 或 MULTI_CHOICE 字段可以设置 options，本字段为 " + field.type());
            }
            if (new HashSet<>(field.options()).size() < field.options().size()) {
                report(file, key + ".options", "可选项重复");
            }
            if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
                report(file, key + ".min", "最小值 " + field.min() + " 大于最大值 " + field.max());
            }
            if (field.type() == ExtraField.FieldType.TABLE) {
                if (field.table() == null) {
                    report(file, key + ".table", "TABLE 字段需要在 table 中写明表格的列（columns）和行（rows 或 freeRows）");
                } else {
                    table(file, field.table(), key + ".table");
                }
                if (field.maxChars() != null || field.min() != null || field.max() != null) {
                    report(file, key, "TABLE 字段的 maxChars、min、max 写在 table 的各列（columns）中，不写在字段上");
                }
            } else if (field.type() != null && field.table() != null) {
                report(file, key + ".table", "只有 TABLE 字段可以设置 table，本字段为 " + field.type());
            }
        });
    }

    /** The rules of a statistics table that no annotation states: references between its rows and columns, unique names. */
    private void table(ConfigFile<?> file, TableLayout table, String key) {
        noEmptyItems(file, table.columns(), key + ".columns");
        noEmptyItems(file, table.rows(), key + ".rows");
        codes(file, table.columns(), key + ".columns", "key", TableLayout.Column::key, "列键");
        codes(file, table.rows(), key + ".rows", "key", TableLayout.Row::key, "行键");
        // Error messages and paths name rows and columns by their labels, so two with one label could not be told apart.
        names(file, table.columns(), key + ".columns", TableLayout.Column::label, TableLayout.Column::name, "列");
        names(file, table.rows(), key + ".rows", TableLayout.Row::label, TableLayout.Row::name, "行");
        if (table.rows().isEmpty() && table.freeRows() == null) {
            report(file, key + ".rows", "表格至少要有固定的行（rows）或由申报企业增加的行（freeRows）");
        }
        each(table.columns(), key + ".columns", (column, columnKey) -> {
            cell(file, column.rule(), columnKey);
            Condition condition = column.requiredWhen();
            if (condition == null || condition.column() == null || table.columns() == null) {
                return;
            }
            if (column.required()) {
                report(file, columnKey + ".requiredWhen", "已写 required: true 的列不能再写 requiredWhen");
            }
            Optional<TableLayout.Column> other = table.columns().stream()
                    .filter(c -> c != null && condition.column().equals(c.key())).findFirst();
            if (other.isEmpty() || other.get() == column) {
                report(file, columnKey + ".requiredWhen.column", "「" + condition.column() + "」不是本表的另一列，可用："
                        + columnKeys(table));
            } else if (other.get().type() == TableLayout.CellType.CHOICE && condition.equals() != null
                    && !other.get().options().contains(condition.equals())) {
                report(file, columnKey + ".requiredWhen.equals", "「" + condition.equals() + "」不是列「"
                        + other.get().key() + "」的可选项，可选：" + String.join("、", other.get().options()));
            }
        });
        each(table.rows(), key + ".rows", (row, rowKey) -> {
            if (row.type() != null) {
                cell(file, new TableLayout.Cell(row.type(), row.options(), row.maxChars(), row.min(), row.max()), rowKey);
            } else if (!row.options().isEmpty() || row.maxChars() != null || row.min() != null || row.max() != null) {
                report(file, rowKey + ".type", "行写了 options、maxChars、min 或 max 时须同时写 type（该行各格的类型）；"
                        + "否则各格按所在列的设置");
            }
            if (row.columns() == null || table.columns() == null) {
                return;
            }
            noEmptyItems(file, row.columns(), rowKey + ".columns");
            if (row.columns().isEmpty()) {
                report(file, rowKey + ".columns", "至少要有一列；不写 columns 表示该行有全部各列");
            }
            Set<String> seen = new HashSet<>();
            each(row.columns(), rowKey + ".columns", (column, columnKey) -> {
                if (table.columns().stream().noneMatch(c -> c != null && column.equals(c.key()))) {
                    report(file, columnKey, "「" + column + "」不是本表的列，可用：" + columnKeys(table));
                } else if (!seen.add(column)) {
                    report(file, columnKey, "列「" + column + "」重复");
                }
            });
        });
        TableLayout.FreeRows free = table.freeRows();
        if (free != null && free.max() != null && free.min() != null && free.min() > free.max()) {
            report(file, key + ".freeRows.min", "最少行数 " + free.min() + " 大于最多行数 " + free.max());
        }
    }

    /** One cell rule, of a column or of a row with a type of its own. */
    private void cell(ConfigFile<?> file, TableLayout.Cell cell, String key) {
        if (cell.type() == null) {
            return;
        }
        if (cell.type() == TableLayout.CellType.CHOICE) {
            if (cell.options().isEmpty()) {
                report(file, key + ".options", "CHOICE 需要在 options 中列出可选项");
            } else if (new HashSet<>(cell.options()).size() < cell.options().size()) {
                report(file, key + ".options", "可选项重复");
            }
        } else if (!cell.options().isEmpty()) {
            report(file, key + ".options", "只有 CHOICE 可以设置 options，此处为 " + cell.type());
        }
        boolean number = cell.type() == TableLayout.CellType.INTEGER || cell.type() == TableLayout.CellType.DECIMAL;
        if (!number && (cell.min() != null || cell.max() != null)) {
            report(file, key + (cell.min() != null ? ".min" : ".max"), "只有 INTEGER、DECIMAL 可以设置 min、max，此处为 " + cell.type());
        }
        if (cell.min() != null && cell.max() != null && cell.min().compareTo(cell.max()) > 0) {
            report(file, key + ".min", "最小值 " + cell.min() + " 大于最大值 " + cell.max());
        }
        // Every text cell is bounded, so that a whole table stays a reasonable size to store and to read.
        if (cell.type() == TableLayout.CellType.TEXT && cell.maxChars() == null) {
            report(file, key + ".maxChars", "TEXT 须写 maxChars（每格字数上限）");
        } else if (cell.type() != TableLayout.CellType.TEXT && cell.maxChars() != null) {
            report(file, key + ".maxChars", "只有 TEXT 可以设置 maxChars，此处为 " + cell.type());
        }
    }

    private <T> void names(ConfigFile<?> file, List<T> items, String list, Function<T, String> label,
            Function<T, String> name, String what) {
        Map<String, String> seen = new HashMap<>();
        each(items, list, (item, key) -> {
            if (label.apply(item) == null) {
                return;
            }
            String first = seen.putIfAbsent(name.apply(item), key);
            if (first != null) {
                report(file, key + ".label", what + "名「" + name.apply(item) + "」与 " + first + " 相同；错误提示按名称指明"
                        + what + "，请用不同的 label 或 group 区分");
            }
        });
    }

    private static String columnKeys(TableLayout table) {
        return String.join("、", table.columns().stream().filter(c -> c != null && c.key() != null)
                .map(TableLayout.Column::key).toList());
    }

    private <T> void codes(ConfigFile<?> file, List<T> items, String list, String codeKey, Function<T, String> code,
            String what) {
        Map<String, String> seen = new HashMap<>();
        each(items, list, (item, key) -> {
            String value = code.apply(item);
            if (value == null) {
                return;
            }
            String first = seen.putIfAbsent(value, key);
            if (first != null) {
                report(file, key + "." + codeKey, what + "「" + value + "」重复，与 " + first + " 相同");
            }
        });
    }

    private void report(ConfigFile<?> file, String key, String message) {
        if (!file.explains(key)) {
            problems.add(file.problem(key, message));
        }
    }

    /** Visits each item that is there with its key; empty items are reported once by {@link #noEmptyItems}. */
    private static <T> void each(List<T> items, String list, BiConsumer<T, String> visit) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                visit.accept(items.get(i), ConfigKeys.element(list, i));
            }
        }
    }

    /** A "- " with nothing after it reads as a null item, which Bean Validation does not look at. */
    private void noEmptyItems(ConfigFile<?> file, List<?> items, String list) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                report(file, ConfigKeys.element(list, i), "列表项为空");
            }
        }
    }

    private static String format(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
            return size.toGigabytes() + "GB";
        }
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + "MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + "KB";
        }
        return bytes + "B";
    }
}
