package org.qualitybenchmark.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.access.Role;
import org.qualitybenchmark.application.ApplicationForm;
import org.qualitybenchmark.application.ApplicationService;
import org.qualitybenchmark.application.OwnershipType;
import org.qualitybenchmark.campaign.CampaignCatalog;
import org.qualitybenchmark.campaign.CampaignCatalog.CampaignRef;
import org.qualitybenchmark.campaign.CampaignCatalog.UnitRef;
import org.qualitybenchmark.campaign.UnitHierarchy;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.Direction;
import org.qualitybenchmark.campaign.config.ExtraField;
import org.qualitybenchmark.campaign.config.TextSection;
import org.qualitybenchmark.enterprise.SizeClass;
import org.qualitybenchmark.enterprise.Uscc;
import org.qualitybenchmark.support.FieldViolation;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * Applications in bulk: the campaign's application form as a sheet, one enterprise per row, filed
 * as drafts with one unit. Only that unit's staff import (a city's staff also for its counties, as
 * they may file there through the API); the organiser's office and applicants do not, because
 * neither files cases for units through the API either. Each row is turned into the request the
 * API takes and checked by the API's own rules ({@link ApplicationService#checkNew}), then the file
 * is checked for enterprises twice in it and for enterprises already filed in the campaign; a good
 * file is filed row by row through {@link ApplicationService#create} in the import's transaction.
 * Statistics tables (TABLE fields) are not in the sheet: they are filled in on the case page.
 */
@Component
class ApplicationImporter implements Importer {

    static final String MULTI_SEPARATOR = "；";
    private static final String YES = "是";
    private static final String NO = "否";

    private final CampaignCatalog catalog;
    private final UnitHierarchy hierarchy;
    private final ApplicationService applications;
    private final Validator validator;

    ApplicationImporter(CampaignCatalog catalog, UnitHierarchy hierarchy, ApplicationService applications,
            Validator validator) {
        this.catalog = catalog;
        this.hierarchy = hierarchy;
        this.applications = applications;
        this.validator = validator;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.APPLICATIONS;
    }

    @Override
    public void authorise(ImportRequest request, AppUser user) {
        CampaignRef campaign = campaign(request);
        if (request.unit() == null || request.unit().isBlank()) {
            throw new RuleViolationException("unit", "required", "请选择推荐单位");
        }
        Optional<UnitRef> unit = catalog.unit(request.unit());
        if (unit.isEmpty() || hierarchy.recommendingUnit(campaign, unit.get()).isEmpty()) {
            throw new RuleViolationException("unit", "unit.notInCampaign", "“" + request.unit() + "”不是本次活动的推荐单位");
        }
        if (!user.has(Role.UNIT_STAFF) || !ownUnits(user).contains(unit.get().id())) {
            throw new AccessDeniedException("User " + user.id() + " may not import applications for unit " + request.unit());
        }
    }

    private Set<Long> ownUnits(AppUser user) {
        return hierarchy.coveredByGroups(user.groupIds());
    }

    private CampaignRef campaign(ImportRequest request) {
        if (request.campaign() == null || request.campaign().isBlank()) {
            throw new RuleViolationException("campaign", "required", "请选择遴选活动");
        }
        return catalog.campaign(request.campaign()).orElseThrow(() -> new RuleViolationException("campaign",
                "campaign.unknown", "未找到遴选活动“" + request.campaign() + "”"));
    }

    @Override
    public String targetName(ImportRequest request) {
        return campaign(request).definition().name();
    }

    @Override
    public TemplateLayout layout(ImportRequest request) {
        CampaignDefinition definition = campaign(request).definition();
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text("enterprise.uscc", "统一社会信用代码", true,
                "18位，数字和大写字母（不用 I、O、Z、S、V），校验码须正确；登记机关须在本次活动的范围内"));
        columns.add(Column.text("enterprise.name", "企业名称", true, "全称，与公章一致，不超过200字"));
        columns.add(Column.choice("enterprise.ownershipType", "企业性质", false,
                Arrays.stream(OwnershipType.values()).map(OwnershipType::label).toList(), "从下拉列表中选择"));
        String digits = definition.eligibility().industryCodeDigits() == 4 ? "小类（4位）"
                : definition.eligibility().industryCodeDigits() == 3 ? "中类（3位）" : "大类（2位）或更细";
        columns.add(Column.text("enterprise.industryCode", "行业代码（GB/T 4754-2017）", false,
                "填写至" + digits + "，如 3670" + (definition.eligibility().industryDivisions().isEmpty() ? ""
                        : "；本次活动的行业范围（大类）：" + String.join("、", definition.eligibility().industryDivisions()))));
        columns.add(Column.integer("enterprise.employees", "从业人员（人）", false, "整数"));
        columns.add(Column.choice("enterprise.declaredSize", "企业规模", false,
                Arrays.stream(SizeClass.values()).map(SizeClass::label).toList(),
                "按《统计上大中小微型企业划分办法（2017）》，须与从业人员和最近一年的营业收入、资产总额相符"));
        columns.add(Column.text("enterprise.address", "通讯地址", false, "不超过300字"));
        columns.add(Column.text("enterprise.postcode", "邮编", false, "6位数字"));
        List<String> directionNames = definition.directions().stream().map(Direction::name).toList();
        if (definition.maxDirections() == 1) {
            columns.add(Column.choice("directions[0]", "申报方向", false, directionNames, "从下拉列表中选择"));
        } else {
            for (int i = 0; i < Math.min(definition.maxDirections(), definition.directions().size()); i++) {
                columns.add(Column.choice("directions[" + i + "]", "申报方向" + (i + 1), false, directionNames,
                        "最多" + definition.maxDirections() + "个方向，每列选一个，不要重复"));
            }
        }
        TextSection title = definition.text(TextSection.TITLE).orElse(null);
        columns.add(Column.text("title", title == null ? "经验名称" : title.label(), false,
                "不超过" + (title == null ? 200 : Math.min(200, title.maxChars())) + "字"));
        for (TextSection section : definition.texts()) {
            if (!TextSection.TITLE.equals(section.key())) {
                columns.add(Column.longText("texts." + section.key(), section.label(), false,
                        "不超过" + section.maxChars() + "字（空白不计）；提交时" + (section.required() ? "必填" : "可不填")));
            }
        }
        for (Integer year : definition.eligibility().financialYears().stream().sorted().toList()) {
            columns.add(Column.decimal("figures." + year + ".revenue", year + "年主营业务收入（万元）", false, "单位：万元，不能为负数"));
            columns.add(Column.decimal("figures." + year + ".profit", year + "年利润总额（万元）", false,
                    "单位：万元" + (definition.eligibility().profitableEachYear() ? "；本次活动要求各年盈利" : "")));
            columns.add(Column.decimal("figures." + year + ".totalAssets", year + "年资产总额（万元）", false, "单位：万元，不能为负数"));
        }
        columns.add(Column.text("contact.name", "联系人姓名", false, "不超过50字"));
        columns.add(Column.text("contact.department", "联系人部门", false, "不超过100字"));
        columns.add(Column.text("contact.position", "联系人职务", false, "不超过100字"));
        columns.add(Column.text("contact.phone", "联系人电话", false, "如 0311-80000001"));
        columns.add(Column.text("contact.mobile", "联系人手机", false, "11位，以1开头"));
        columns.add(Column.text("contact.email", "联系人邮箱", false, "如 name@example.com"));
        Set<String> headings = columns.stream().map(Column::heading).collect(Collectors.toSet());
        for (ExtraField field : definition.fields()) {
            String heading = headings.contains(field.label()) ? field.label() + "（附加项）" : field.label();
            String key = "fields." + field.key();
            switch (field.type()) {
                case TEXT -> columns.add(Column.text(key, heading, false,
                        field.maxChars() == null ? "文字" : "不超过" + field.maxChars() + "字"));
                case INTEGER -> columns.add(Column.integer(key, heading, false, "整数" + range(field)));
                case DECIMAL -> columns.add(Column.decimal(key, heading, false, "数字" + range(field)));
                case CHOICE -> columns.add(Column.choice(key, heading, false, field.options(), "从下拉列表中选择"));
                case MULTI_CHOICE -> columns.add(Column.text(key, heading, false,
                        "可多选，多个值之间用“" + MULTI_SEPARATOR + "”分隔；可选：" + String.join("、", field.options())));
                case BOOLEAN -> columns.add(Column.choice(key, heading, false, List.of(YES, NO), "选择“是”或“否”"));
                case TABLE -> {
                    // Rows × columns do not fit one cell of a one-row-per-enterprise sheet: see the instructions.
                }
                default -> throw new IllegalStateException("Unhandled field type " + field.type());
            }
            headings.add(heading);
        }
        List<String> tables = definition.fields().stream().filter(f -> f.type() == ExtraField.FieldType.TABLE)
                .map(ExtraField::label).toList();
        List<String> instructions = new ArrayList<>(List.of(
                "用途：一次录入多家企业的申报书（草稿）。导入后每行成为一个申报案件（草稿），由本单位在“申报案件”页面补充附件并提交。",
                "遴选活动：" + definition.name() + "（" + definition.code() + "）。本模板只能用于该活动；活动的申报表修改后请重新下载模板。",
                "填写：在“" + TemplateWriter.DATA_SHEET + "”工作表中从第2行起每行填写一家企业；不要修改、删除或移动第1行的列标题，不要改动工作表名称。",
                "红色列标题为必填项；其余各项可在导入后补充，但提交申报时须按活动要求填写完整。金额单位均为万元。",
                "检查：上传后系统逐行按与网页申报相同的规则检查。只要有一行有错误，整个文件都不会导入，并给出每个错误所在的行号、列和原因，可下载标出错误的工作簿。",
                "同一企业（统一社会信用代码）在文件中只能出现一次，且不能已在本次活动中申报。"));
        if (!tables.isEmpty()) {
            instructions.add("统计表（" + String.join("、", tables) + "）不在本模板中，请在导入后到案件页面填写。");
        }
        return new TemplateLayout(ImportKind.APPLICATIONS, definition.code(), definition.name() + " · 申报书批量导入模板",
                columns, instructions);
    }

    private static String range(ExtraField field) {
        String min = field.min() == null ? null : field.min().toPlainString();
        String max = field.max() == null ? null : field.max().toPlainString();
        if (min == null && max == null) {
            return "";
        }
        return "，" + (min == null ? "" : "不小于" + min) + (min != null && max != null ? "，" : "") + (max == null ? "" : "不大于" + max);
    }

    @Override
    public Prepared prepare(ImportRequest request, TemplateLayout layout, List<UploadedWorkbook.DataRow> rows,
            AppUser user, Progress progress) {
        CampaignRef campaign = campaign(request);
        CampaignDefinition definition = campaign.definition();
        RowErrors errors = new RowErrors(layout);
        Map<String, Integer> firstRowOfUscc = new HashMap<>();
        Map<String, UploadedWorkbook.DataRow> rowOfUscc = new LinkedHashMap<>();
        List<ParsedRow> parsed = new ArrayList<>();
        boolean windowReported = false;
        for (int i = 0; i < rows.size(); i++) {
            UploadedWorkbook.DataRow row = rows.get(i);
            ParsedRow form = parse(row, request, definition, layout, errors);
            if (form != null) {
                for (ConstraintViolation<ApplicationForm> v : validator.validate(form.form())) {
                    errors.add(row, form.columnOf(v.getPropertyPath().toString()), v.getMessage());
                }
                for (FieldViolation v : applications.checkNew(form.form(), user)) {
                    if ("campaign".equals(v.field()) || "unit".equals(v.field())) {
                        if (!windowReported) {
                            errors.add(row, null, v.message());
                            windowReported = true;
                        }
                        continue;
                    }
                    errors.add(row, form.columnOf(v.field()), v.message());
                }
                String uscc = Uscc.normalize(form.form().enterprise().uscc());
                if (uscc != null && !uscc.isEmpty()) {
                    Integer first = firstRowOfUscc.putIfAbsent(uscc, row.number());
                    if (first != null) {
                        errors.add(row, "enterprise.uscc", "与第" + first + "行的统一社会信用代码重复；同一企业在本次活动中只能申报一次");
                    } else {
                        rowOfUscc.put(uscc, row);
                    }
                }
                parsed.add(form);
            }
            progress.rows(i + 1, rows.size());
        }
        applications.alreadyFiled(definition.code(), rowOfUscc.keySet(), user)
                .forEach((uscc, violation) -> errors.add(rowOfUscc.get(uscc), "enterprise.uscc", violation.message()));
        List<RowError> found = errors.list().stream()
                .sorted((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row())
                        : Integer.compare(layout.indexOf(keyOf(layout, a)), layout.indexOf(keyOf(layout, b))))
                .toList();
        return new Prepared() {
            @Override
            public List<RowError> errors() {
                return found;
            }

            @Override
            public Outcome apply(Progress applying) throws RowsRejected {
                List<Item> items = new ArrayList<>();
                for (int i = 0; i < parsed.size(); i++) {
                    ParsedRow row = parsed.get(i);
                    try {
                        ApplicationService.CreateResult result = applications.create(row.form(), null, user);
                        items.add(new Item(row.row().number(), result.detail().enterprise().name(), "新建",
                                result.detail().id(), result.detail().caseNumber()));
                    } catch (RuleViolationException e) {
                        RowErrors late = new RowErrors(layout);
                        e.violations().forEach(v -> late.add(row.row(), row.columnOf(v.field()), v.message()));
                        throw new RowsRejected(late.list());
                    }
                    applying.rows(i + 1, parsed.size());
                }
                return new Outcome(items.size(), 0, items, "已导入 " + items.size() + " 个申报案件（草稿），请在“申报案件”页面补充附件后提交");
            }
        };
    }

    private static String keyOf(TemplateLayout layout, RowError error) {
        if (error.heading() == null) {
            return "";
        }
        return layout.columns().stream().filter(c -> c.heading().equals(error.heading())).map(Column::key)
                .findFirst().orElse("");
    }

    /** A row as the API's request, with where each of the request's fields came from. */
    record ParsedRow(UploadedWorkbook.DataRow row, ApplicationForm form, Map<Integer, Integer> yearOfFigure) {

        /** The template column a violation's field path points at; null when it is about the whole row. */
        String columnOf(String path) {
            if (path == null) {
                return null;
            }
            if (path.startsWith("enterprise.") || path.startsWith("contact.") || path.startsWith("texts.")
                    || path.equals("title")) {
                return path;
            }
            if (path.equals("contact")) {
                return "contact.name";
            }
            if (path.startsWith("directions")) {
                return path.startsWith("directions[") ? path.substring(0, path.indexOf(']') + 1) : "directions[0]";
            }
            if (path.startsWith("fields.")) {
                String rest = path.substring("fields.".length());
                int end = rest.indexOf('.') >= 0 ? rest.indexOf('.') : rest.indexOf('[');
                return "fields." + (end >= 0 ? rest.substring(0, end) : rest);
            }
            if (path.startsWith("figures[")) {
                int index = Integer.parseInt(path.substring("figures[".length(), path.indexOf(']')));
                Integer year = yearOfFigure.get(index);
                String part = path.contains("].") ? path.substring(path.indexOf("].") + 2) : "revenue";
                return "figures." + year + "." + ("year".equals(part) ? "revenue" : part);
            }
            if (path.startsWith("figures.")) {
                String[] parts = path.split("\\.");
                return "figures." + parts[1] + "." + (parts.length > 2 ? parts[2] : "revenue");
            }
            return null;
        }
    }

    /** The row as a request; cells that are not what their column takes are reported here. */
    private ParsedRow parse(UploadedWorkbook.DataRow row, ImportRequest request, CampaignDefinition definition,
            TemplateLayout layout, RowErrors errors) {
        int before = errors.size();
        OwnershipType ownership = choice(row, "enterprise.ownershipType", OwnershipType.values(), OwnershipType::label,
                errors);
        SizeClass size = choice(row, "enterprise.declaredSize", SizeClass.values(), SizeClass::label, errors);
        Integer employees = integer(row, "enterprise.employees", errors);
        String industry = row.get("enterprise.industryCode");
        if (industry != null) {
            // The reference list shows "3670 汽车零部件及配件制造": the code is what counts.
            industry = industry.split("\\s+")[0];
        }
        ApplicationForm.EnterpriseInput enterprise = new ApplicationForm.EnterpriseInput(row.get("enterprise.uscc"),
                row.get("enterprise.name"), ownership, industry, employees, size, row.get("enterprise.address"),
                row.get("enterprise.postcode"));
        List<String> directions = new ArrayList<>();
        for (Column column : layout.columns()) {
            if (column.key().startsWith("directions[")) {
                String value = row.get(column.key());
                if (value != null) {
                    Optional<Direction> direction = definition.directions().stream()
                            .filter(d -> d.name().equals(value) || d.code().equals(value)).findFirst();
                    if (direction.isEmpty()) {
                        errors.add(row, column.key(), "“" + value + "”不是本次活动的申报方向，可选："
                                + definition.directions().stream().map(Direction::name).collect(Collectors.joining("、")));
                    } else {
                        directions.add(direction.get().code());
                    }
                }
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (TextSection section : definition.texts()) {
            String value = row.get("texts." + section.key());
            if (value != null && !TextSection.TITLE.equals(section.key())) {
                texts.put(section.key(), value);
            }
        }
        List<ApplicationForm.FigureInput> figures = new ArrayList<>();
        Map<Integer, Integer> yearOfFigure = new HashMap<>();
        for (Integer year : definition.eligibility().financialYears().stream().sorted().toList()) {
            BigDecimal revenue = decimal(row, "figures." + year + ".revenue", errors);
            BigDecimal profit = decimal(row, "figures." + year + ".profit", errors);
            BigDecimal assets = decimal(row, "figures." + year + ".totalAssets", errors);
            if (revenue != null || profit != null || assets != null) {
                yearOfFigure.put(figures.size(), year);
                figures.add(new ApplicationForm.FigureInput(year, revenue, profit, assets));
            }
        }
        ApplicationForm.ContactInput contact = null;
        if (layout.columns().stream().filter(c -> c.key().startsWith("contact.")).anyMatch(c -> row.get(c.key()) != null)) {
            contact = new ApplicationForm.ContactInput(row.get("contact.name"), row.get("contact.department"),
                    row.get("contact.position"), row.get("contact.phone"), row.get("contact.mobile"),
                    row.get("contact.email"));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (ExtraField field : definition.fields()) {
            String key = "fields." + field.key();
            String value = row.get(key);
            if (value == null || field.type() == ExtraField.FieldType.TABLE) {
                continue;
            }
            switch (field.type()) {
                case BOOLEAN -> {
                    if (YES.equals(value)) {
                        fields.put(field.key(), true);
                    } else if (NO.equals(value)) {
                        fields.put(field.key(), false);
                    } else {
                        errors.add(row, key, field.label() + "应为“是”或“否”");
                    }
                }
                case MULTI_CHOICE -> fields.put(field.key(), Arrays.stream(value.split("[；;、\\n]"))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList());
                default -> fields.put(field.key(), value);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        ApplicationForm form = new ApplicationForm(request.campaign(), request.unit(), enterprise, directions,
                row.get("title"), texts, figures, contact, fields);
        return new ParsedRow(row, form, yearOfFigure);
    }

    private static <E> E choice(UploadedWorkbook.DataRow row, String key, E[] values,
            java.util.function.Function<E, String> label, RowErrors errors) {
        String value = row.get(key);
        if (value == null) {
            return null;
        }
        for (E candidate : values) {
            if (label.apply(candidate).equals(value) || candidate.toString().equals(value)) {
                return candidate;
            }
        }
        errors.add(row, key, "只能选择：" + Arrays.stream(values).map(label).collect(Collectors.joining("、")));
        return null;
    }

    private static Integer integer(UploadedWorkbook.DataRow row, String key, RowErrors errors) {
        BigDecimal number = decimal(row, key, errors);
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            errors.add(row, key, "应为整数");
            return null;
        }
    }

    private static BigDecimal decimal(UploadedWorkbook.DataRow row, String key, RowErrors errors) {
        String value = row.get(key);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            errors.add(row, key, "应为数字");
            return null;
        }
    }
}
