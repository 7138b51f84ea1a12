package org.qualitybenchmark.importing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignUnitsChanged;
import org.qualitybenchmark.campaign.EffectiveSchedule;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.CampaignRegistry;
import org.qualitybenchmark.campaign.config.CampaignRegistry.UnitsChange;
import org.qualitybenchmark.campaign.config.CampaignUnit;
import org.qualitybenchmark.campaign.config.UnitDefinition;
import org.qualitybenchmark.campaign.config.UnitKind;
import org.qualitybenchmark.support.AppProperties;
import org.qualitybenchmark.support.ConfigurationFileException.Problem;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * A campaign's recommending units and their quotas as a sheet: the file is the campaign's whole
 * unit list (a unit left out leaves the campaign), units the directory does not have yet are added
 * to it, units it has must be written as the directory has them. The configuration files stay the
 * truth: a good file is written into {@code config/units/imported.yaml} and the campaign's own file
 * (its {@code units:} block), checked first exactly as at start-up, so a restart reads the same;
 * the running system takes it in at once (registry, tables, identity groups, the campaign process's
 * unit list). Allowed to process owners, and only until the campaign's application window opens:
 * from then on units file cases and quotas are in force, and a change is an edit of the file and a
 * restart, as for every other key of a running campaign.
 */
@Component
class UnitImporter implements Importer, Exporter {

    static final String UNLIMITED = "不限";

    private final CampaignCatalog catalog;
    private final CampaignRegistry registry;
    private final EffectiveSchedule schedules;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final AppProperties properties;

    UnitImporter(CampaignCatalog catalog, CampaignRegistry registry, EffectiveSchedule schedules,
            ApplicationEventPublisher publisher, Clock clock, AppProperties properties) {
        this.catalog = catalog;
        this.registry = registry;
        this.schedules = schedules;
        this.publisher = publisher;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.UNITS;
    }

    @Override
    public void authorise(ImportRequest request, AppUser user) {
        if (!user.has(Role.PROCESS_OWNER) && !user.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only process owners may import recommending units; " + user.id() + " may not");
        }
        campaign(request);
    }

    private CampaignRef campaign(ImportRequest request) {
        if (request.campaign() == null || request.campaign().isBlank()) {
            throw new RuleViolationException("campaign", "required", "请选择遴选活动");
        }
        return catalog.campaign(request.campaign()).orElseThrow(() -> new RuleViolationException("campaign",
                "campaign.unknown", "未找到遴选活动“" + request.campaign() + "”"));
    }

    /** The refusal once the campaign has opened; empty before. */
    private Optional<String> opened(CampaignRef campaign) {
        LocalDate opens = schedules.of(campaign).applicationOpens();
        if (LocalDate.now(clock.withZone(properties.zone())).isBefore(opens)) {
            return Optional.empty();
        }
        return Optional.of(campaign.definition().name() + "已于" + opens + "开始接受申报，推荐单位和名额已经生效，不能再通过导入修改；"
                + "如确需修改，请修改 config/campaigns 中该活动的文件后重启系统");
    }

    @Override
    public String targetName(ImportRequest request) {
        return campaign(request).definition().name();
    }

    @Override
    public TemplateLayout layout(ImportRequest request) {
        CampaignDefinition definition = campaign(request).definition();
        String perKind = definition.quota().perKind().isEmpty() ? "本活动各类单位的名额均不限"
                : "本活动按类别的名额：" + definition.quota().perKind().entrySet().stream()
                        .map(e -> e.getKey().label() + e.getValue() + "项").reduce((a, b) -> a + "、" + b).orElse("");
        List<Column> columns = List.of(
                Column.text("code", "单位代码", true, "小写字母、数字和连字符，如 he-1301；已有单位填写其原代码，新单位取一个新代码"),
                Column.text("name", "单位名称", true, "全称"),
                Column.choice("kind", "单位类别", true, Arrays.stream(UnitKind.values()).map(UnitKind::label).toList(),
                        "从下拉列表中选择"),
                Column.text("region", "行政区划代码", false, "2至6位，如 1301；行业协会不填"),
                Column.text("parent", "上级单位代码", false, "县（市、区）填写所属市的单位代码；其他不填"),
                Column.text("quota", "推荐名额", false, "留空为按类别的名额；填数字为本单位的名额；填“" + UNLIMITED + "”为不限。"
                        + perKind));
        return new TemplateLayout(ImportKind.UNITS, definition.code(), definition.name() + " · 推荐单位名单导入模板", columns,
                List.of("用途：导入本活动的推荐单位名单和名额。文件即本活动完整的推荐单位名单：文件中没有的单位不再参加本活动。",
                        "单位目录中已有的单位须按目录填写（名称、类别、区划、上级单位一致）；目录中没有的单位将加入单位目录"
                                + "（写入 config/units/" + "imported.yaml" + "）。",
                        "只能在活动开始接受申报之前导入；导入后立即生效，并写入配置文件，重启后保持。",
                        "检查与系统启动时检查配置文件的规则相同；只要有一行有错误，整个文件都不导入。",
                        perKind + "。"));
    }

    @Override
    public List<List<Object>> rows(ImportRequest request, TemplateLayout layout) {
        CampaignDefinition definition = campaign(request).definition();
        List<List<Object>> rows = new ArrayList<>();
        for (CampaignUnit entry : definition.units()) {
            UnitDefinition unit = registry.unit(entry.unit()).orElseThrow();
            List<Object> row = new ArrayList<>();
            row.add(unit.code());
            row.add(unit.name());
            row.add(unit.kind().label());
            row.add(unit.region());
            row.add(unit.parent());
            row.add(definition.quota().quotaFor(unit.kind(), entry).map(String::valueOf).orElse(UNLIMITED));
            rows.add(row);
        }
        return rows;
    }

    @Override
    public Prepared prepare(ImportRequest request, TemplateLayout layout, List<UploadedWorkbook.DataRow> rows,
            AppUser user, Progress progress) {
        CampaignRef campaign = campaign(request);
        CampaignDefinition definition = campaign.definition();
        RowErrors errors = new RowErrors(layout);
        Optional<String> opened = opened(campaign);
        if (opened.isPresent()) {
            return rejected(List.of(RowError.ofFile(opened.get())));
        }
        List<UnitDefinition> newUnits = new ArrayList<>();
        List<UploadedWorkbook.DataRow> newUnitRows = new ArrayList<>();
        List<CampaignUnit> entries = new ArrayList<>();
        List<UploadedWorkbook.DataRow> entryRows = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        int done = 0;
        for (UploadedWorkbook.DataRow row : rows) {
            progress.rows(++done, rows.size());
            String code = row.get("code");
            UnitKind kind = null;
            if (row.get("kind") != null) {
                kind = Arrays.stream(UnitKind.values())
                        .filter(k -> k.label().equals(row.get("kind")) || k.name().equals(row.get("kind")))
                        .findFirst().orElse(null);
                if (kind == null) {
                    errors.add(row, "kind", "只能选择：" + String.join("、",
                            Arrays.stream(UnitKind.values()).map(UnitKind::label).toList()));
                }
            } else {
                errors.add(row, "kind", "请选择单位类别");
            }
            if (code == null) {
                errors.add(row, "code", "请填写单位代码");
                continue;
            }
            Integer first = firstRow.putIfAbsent(code, row.number());
            if (first != null) {
                errors.add(row, "code", "与第" + first + "行的单位代码重复；每个单位只能填写一行");
                continue;
            }
            Optional<UnitDefinition> existing = registry.unit(code);
            if (existing.isPresent()) {
                UnitDefinition known = existing.get();
                compare(row, "name", known.name(), row.get("name"), "名称", errors);
                if (kind != null && kind != known.kind()) {
                    errors.add(row, "kind", "单位目录中“" + code + "”的类别为“" + known.kind().label() + "”；已有单位请按单位目录填写");
                }
                compare(row, "region", known.region(), row.get("region"), "行政区划代码", errors);
                compare(row, "parent", known.parent(), row.get("parent"), "上级单位代码", errors);
                kind = known.kind();
            } else if (kind != null) {
                newUnits.add(new UnitDefinition(code, row.get("name"), kind, row.get("region"), row.get("parent")));
                newUnitRows.add(row);
            }
            if (kind == null) {
                continue;
            }
            String quota = row.get("quota");
            Integer perKind = definition.quota().perKind().get(kind);
            if (quota == null) {
                entries.add(new CampaignUnit(code, null, false));
            } else if (UNLIMITED.equals(quota)) {
                entries.add(new CampaignUnit(code, null, perKind != null));
            } else {
                try {
                    int n = Integer.parseInt(quota);
                    if (n < 0) {
                        errors.add(row, "quota", "推荐名额不能为负数");
                        continue;
                    }
                    entries.add(new CampaignUnit(code, Objects.equals(perKind, n) ? null : n, false));
                } catch (NumberFormatException e) {
                    errors.add(row, "quota", "推荐名额应为整数，或“" + UNLIMITED + "”，或留空（按类别）");
                    continue;
                }
            }
            entryRows.add(row);
        }
        if (!errors.isEmpty()) {
            return rejected(sorted(errors));
        }
        UnitsChange change = registry.checkUnits(definition.code(), newUnits, entries);
        for (Problem problem : change.unitFileProblems()) {
            place(problem, newUnitRows, errors, rows);
        }
        for (Problem problem : change.campaignFileProblems()) {
            place(problem, entryRows, errors, rows);
        }
        List<RowError> found = new ArrayList<>(sorted(errors));
        change.otherProblems().forEach(p -> found.add(RowError.ofFile(p.toString())));
        if (!found.isEmpty()) {
            return rejected(found);
        }
        return new Prepared() {
            @Override
            public List<RowError> errors() {
                return List.of();
            }

            @Override
            public Outcome apply(Progress applying) throws RowsRejected {
                Optional<String> nowOpened = opened(campaign);
                if (nowOpened.isPresent()) {
                    throw new RowsRejected(List.of(RowError.ofFile(nowOpened.get())));
                }
                try {
                    registry.applyUnits(change);
                } catch (IllegalStateException e) {
                    throw new RowsRejected(List.of(RowError.ofFile(
                            "检查之后活动的配置文件已被修改，本次未导入；请重新下载后再导入")));
                }
                catalog.reload();
                publisher.publishEvent(new CampaignUnitsChanged(definition.code()));
                List<Item> items = new ArrayList<>();
                for (UploadedWorkbook.DataRow row : entryRows) {
                    boolean added = newUnitRows.contains(row);
                    items.add(new Item(row.number(), row.get("code") + " " + row.get("name"),
                            added ? "新增单位并加入活动" : "加入活动", null, null));
                }
                applying.rows(rows.size(), rows.size());
                return new Outcome(newUnits.size(), entries.size() - newUnits.size(), items, definition.name()
                        + "：推荐单位 " + entries.size() + " 个（其中新增到单位目录 " + newUnits.size() + " 个），已生效");
            }
        };
    }

    private static void compare(UploadedWorkbook.DataRow row, String key, String known, String given, String what,
            RowErrors errors) {
        if (!Objects.equals(known, given)) {
            errors.add(row, key, "单位目录中“" + row.get("code") + "”的" + what + "为“" + (known == null ? "（空）" : known)
                    + "”；已有单位请按单位目录填写，修改单位目录请编辑 config/units 中的文件");
        }
    }

    /** A problem of a generated file placed at the row its {@code units[i]} came from. */
    private static void place(Problem problem, List<UploadedWorkbook.DataRow> rowsOfIndex, RowErrors errors,
            List<UploadedWorkbook.DataRow> all) {
        String key = problem.key() == null ? "" : problem.key();
        String message = problem.message().replaceAll("（在?第\\s*\\d+\\s*行[^）]*）", "").replaceAll("\\s*\\(line \\d+.*\\)", "");
        if (key.startsWith("units[")) {
            int index = Integer.parseInt(key.substring(6, key.indexOf(']')));
            if (index >= 0 && index < rowsOfIndex.size()) {
                String field = key.contains("].") ? key.substring(key.indexOf("].") + 2) : "code";
                String column = switch (field) {
                    case "name", "kind", "region", "parent" -> field;
                    case "quota", "unlimited" -> "quota";
                    default -> "code";
                };
                errors.add(rowsOfIndex.get(index), column, message);
                return;
            }
        }
        errors.add(all.get(0), null, message);
    }

    private static List<RowError> sorted(RowErrors errors) {
        return errors.list().stream().sorted((a, b) -> Integer.compare(a.row(), b.row())).toList();
    }

    private static Prepared rejected(List<RowError> errors) {
        return new Prepared() {
            @Override
            public List<RowError> errors() {
                return errors;
            }

            @Override
            public Outcome apply(Progress progress) {
                throw new IllegalStateException("A rejected file is not applied");
            }
        };
    }
}
