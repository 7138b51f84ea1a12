package org.qualitybenchmark.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.qualitybenchmark.application.OwnershipType;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.ExtraField;
import org.qualitybenchmark.campaign.config.TableLayout;
import org.qualitybenchmark.campaign.config.TextSection;
import org.qualitybenchmark.document.ApplicationFormReader.Content;
import org.qualitybenchmark.document.ApplicationFormReader.FreeRow;
import org.qualitybenchmark.document.ApplicationFormReader.Table;
import org.qualitybenchmark.document.ApplicationFormReader.Value;
import org.qualitybenchmark.enterprise.SizeClass;

/**
 * Turns what a form file holds into values for the case, each with the path the API's refusals
 * name it by ({@code enterprise.name}, {@code figures.2023.revenue},
 * {@code fields.economicBenefits[营业收入][2023年]}) and the change it makes to a {@link FormState}.
 * Blank cells and controls are not values: what the case holds there stays. What cannot even be
 * put into the form (a number that is not one, two boxes ticked for one choice) is refused here;
 * everything else is left to the case's rules.
 */
final class FormValues {

    /**
     * One value of the file.
     *
     * @param path    where the API's refusals name it
     * @param label   what the form calls it
     * @param shown   the value as the file has it
     * @param apply   puts it into the form; absent when it is refused already
     * @param refusal why it was refused here
     * @param freeRow the value is a cell of a row the applicant added
     */
    record Imported(String path, String label, String shown, Consumer<FormState> apply, String refusal,
            boolean freeRow) {
    }

    /** What the file gives: its values, and the changes that make room for them (a table's added rows). */
    record Values(List<Imported> values, List<Consumer<FormState>> preparations, List<String> problems) {

        /** The same values with the one at {@code path} refused for {@code reason}. */
        Values refuse(String path, String reason) {
            List<Imported> changed = values.stream().map(v -> v.path().equals(path)
                    ? new Imported(v.path(), v.label(), v.shown(), null, reason, v.freeRow()) : v).toList();
            return new Values(changed, preparations, problems);
        }
    }

    private final CampaignDefinition campaign;
    private final Function<String, Optional<String>> unitByName;
    private final List<Imported> values = new ArrayList<>();
    private final List<Consumer<FormState>> preparations = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private FormValues(CampaignDefinition campaign, Function<String, Optional<String>> unitByName) {
        this.campaign = campaign;
        this.unitByName = unitByName;
    }

    /**
     * @param unitByName the code of the unit with this name among the campaign's units and those below them
     */
    static Values of(Content content, CampaignDefinition campaign, Function<String, Optional<String>> unitByName) {
        FormValues read = new FormValues(campaign, unitByName);
        read.top(content.values());
        for (ExtraField field : campaign.fields()) {
            Table table = content.tables().get(field.key());
            if (field.type() == ExtraField.FieldType.TABLE && table != null) {
                read.table(field, table);
            }
        }
        return new Values(read.values, read.preparations, read.problems);
    }

    private void top(Map<String, Value> file) {
        unit(file.get("unit"));
        for (String[] e : new String[][] {{"uscc", "统一社会信用代码"}, {"name", "企业名称"}, {"industryCode", "行业代码"},
                {"address", "通讯地址"}, {"postcode", "邮编"}}) {
            plain(file, "enterprise." + e[0], e[1], (state, v) -> state.enterprise.put(e[0], v));
        }
        Value employees = file.get("enterprise.employees");
        if (employees != null && !employees.blank()) {
            String shown = employees.text().strip();
            Integer number = integer(shown);
            add("enterprise.employees", "从业人员（人）", shown, number == null ? null : s -> s.enterprise.put("employees", number),
                    number == null ? "从业人员（人）应为整数，现为“" + shown + "”" : null);
        }
        single(file, "enterprise.ownershipType", "企业性质", v -> OwnershipType.valueOf(v).label(),
                (state, v) -> state.enterprise.put("ownershipType", v));
        single(file, "enterprise.declaredSize", "企业规模", v -> SizeClass.valueOf(v).label(),
                (state, v) -> state.enterprise.put("declaredSize", v));
        String titleLabel = campaign.text(TextSection.TITLE).map(TextSection::label).orElse("经验名称");
        plain(file, "title", titleLabel, (state, v) -> state.root.put("title", v));
        for (TextSection section : campaign.texts()) {
            if (!TextSection.TITLE.equals(section.key())) {
                plain(file, "texts." + section.key(), section.label(), (state, v) -> state.texts.put(section.key(), v));
            }
        }
        Value directions = file.get("directions");
        if (directions != null && !directions.blank()) {
            List<String> codes = List.copyOf(directions.ticked());
            String shown = String.join("、", codes.stream()
                    .map(code -> campaign.direction(code).map(d -> d.name()).orElse(code)).toList());
            add("directions", "申报方向", shown, state -> state.directions = new ArrayList<>(codes), null);
        }
        for (Integer year : campaign.eligibility().financialYears()) {
            for (String[] f : new String[][] {{"revenue", "主营业务收入"}, {"profit", "利润总额"}, {"totalAssets", "资产总额"}}) {
                Value value = file.get("figures." + year + "." + f[0]);
                if (value == null || value.blank()) {
                    continue;
                }
                String shown = value.text().strip();
                BigDecimal number = decimal(shown);
                String label = year + "年" + f[1] + "（万元）";
                add("figures." + year + "." + f[0], label, shown,
                        number == null ? null : state -> state.figure(year).put(f[0], number),
                        number == null ? label + "应为数字，现为“" + shown + "”" : null);
            }
        }
        for (String[] c : new String[][] {{"name", "联系人"}, {"department", "部门"}, {"position", "职务"}, {"phone", "电话"},
                {"mobile", "手机"}, {"email", "邮箱"}}) {
            plain(file, "contact." + c[0], c[1], (state, v) -> state.contact.put(c[0], v));
        }
        for (ExtraField field : campaign.fields()) {
            String key = "fields." + field.key();
            switch (field.type()) {
                case TABLE -> {
                }
                case CHOICE -> single(file, key, field.label(), v -> v, (state, v) -> state.fields.put(field.key(), v));
                case BOOLEAN -> single(file, key, field.label(), v -> "true".equals(v) ? "是" : "否",
                        (state, v) -> state.fields.put(field.key(), Boolean.valueOf(v)));
                case MULTI_CHOICE -> {
                    Value value = file.get(key);
                    if (value != null && !value.blank()) {
                        List<String> chosen = List.copyOf(value.ticked());
                        add(key, field.label(), String.join("、", chosen),
                                state -> state.fields.put(field.key(), new ArrayList<>(chosen)), null);
                    }
                }
                default -> plain(file, key, field.label(), (state, v) -> state.fields.put(field.key(), v));
            }
        }
    }

    private void table(ExtraField field, Table table) {
        TableLayout layout = field.table();
        String path = "fields." + field.key();
        table.problems().forEach(p -> problems.add(field.label() + "：" + p));
        table.rows().forEach((rowKey, cells) -> layout.row(rowKey).ifPresent(row -> {
            for (TableLayout.Column column : layout.columns()) {
                Value value = cells.get(column.key());
                if (value == null || value.blank() || !row.has(column)) {
                    continue;
                }
                String where = field.label() + "「" + row.name() + "」行「" + column.name() + "」列";
                cell(path + "[" + row.name() + "][" + column.name() + "]", where, value, false,
                        v -> state -> state.tableRow(field.key(), rowKey).put(column.key(), v));
            }
        }));
        if (layout.freeRows() == null || table.freeRows().isEmpty()) {
            return;
        }
        int count = table.freeRows().size();
        // The file's added rows replace the case's, row by row; a refused cell keeps the case's cell of that row.
        preparations.add(state -> {
            List<Object> stored = new ArrayList<>(state.freeRows(field.key()));
            List<Object> rows = state.freeRows(field.key());
            rows.clear();
            for (int i = 0; i < count; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (i < stored.size() && stored.get(i) instanceof Map<?, ?> old) {
                    old.forEach((k, v) -> row.put(String.valueOf(k), FormState.copy(v)));
                }
                if (!(row.get("cells") instanceof Map<?, ?>)) {
                    row.put("cells", new LinkedHashMap<String, Object>());
                }
                rows.add(row);
            }
        });
        for (int i = 0; i < count; i++) {
            FreeRow row = table.freeRows().get(i);
            int index = i;
            String name = (layout.rows().isEmpty() ? "第" : "增加的第") + (i + 1) + "行";
            String rowPath = path + "[" + name + "]";
            String where = field.label() + "「" + name + "」";
            if (row.label() != null && !row.label().blank()) {
                String labelName = layout.freeRows().label();
                cell(rowPath + "[" + labelName + "]", where + "的" + labelName, row.label(), true,
                        v -> state -> freeRow(state, field.key(), index).put("label", v));
            }
            if (row.unit() != null && !row.unit().blank()) {
                cell(rowPath + "[单位]", where + "的单位", row.unit(), true,
                        v -> state -> freeRow(state, field.key(), index).put("unit", v));
            }
            for (TableLayout.Column column : layout.columns()) {
                Value value = row.cells().get(column.key());
                if (value == null || value.blank()) {
                    continue;
                }
                cell(rowPath + "[" + column.name() + "]", where + "「" + column.name() + "」列", value, true,
                        v -> state -> cells(freeRow(state, field.key(), index)).put(column.key(), v));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> freeRow(FormState state, String key, int index) {
        return (Map<String, Object>) state.freeRows(key).get(index);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cells(Map<String, Object> row) {
        return (Map<String, Object>) row.get("cells");
    }

    private void cell(String path, String label, Value value, boolean freeRow,
            Function<String, Consumer<FormState>> apply) {
        if (value.choice()) {
            if (value.ticked().size() > 1) {
                values.add(new Imported(path, label, String.join("、", value.ticked()), null,
                        label + "只能选择一项，现勾选了" + String.join("、", value.ticked()), freeRow));
                return;
            }
            String option = value.ticked().get(0);
            values.add(new Imported(path, label, option, apply.apply(option), null, freeRow));
            return;
        }
        String text = value.text().strip();
        values.add(new Imported(path, label, text, apply.apply(text), null, freeRow));
    }

    private void plain(Map<String, Value> file, String key, String label, java.util.function.BiConsumer<FormState, String> put) {
        Value value = file.get(key);
        if (value == null || value.blank() || value.choice()) {
            return;
        }
        String text = value.text().strip();
        add(key, label, text, state -> put.accept(state, text), null);
    }

    /** The unit is shown by its name; the case holds its code. */
    private void unit(Value value) {
        if (value == null || value.blank() || value.choice()) {
            return;
        }
        String name = value.text().strip();
        Optional<String> code = unitByName.apply(name);
        add("unit", "推荐单位", name, code.<Consumer<FormState>>map(c -> state -> state.root.put("unit", c)).orElse(null),
                code.isPresent() ? null : "“" + name + "”不是本次活动的推荐单位，请填写推荐单位的全称");
    }

    /** A choice of one: the ticked box, none (blank), or a refusal when several are ticked. */
    private void single(Map<String, Value> file, String key, String label, Function<String, String> shownAs,
            java.util.function.BiConsumer<FormState, String> put) {
        Value value = file.get(key);
        if (value == null || value.blank() || !value.choice()) {
            return;
        }
        List<String> ticked = value.ticked();
        List<String> shown = new ArrayList<>();
        for (String option : ticked) {
            try {
                shown.add(shownAs.apply(option));
            } catch (IllegalArgumentException unknownOption) {
                shown.add(option);
            }
        }
        if (ticked.size() > 1) {
            add(key, label, String.join("、", shown), null, label + "只能选择一项，现勾选了" + String.join("、", shown));
            return;
        }
        add(key, label, shown.get(0), state -> put.accept(state, ticked.get(0)), null);
    }

    private void add(String path, String label, String shown, Consumer<FormState> apply, String refusal) {
        values.add(new Imported(path, label, shown, apply, refusal, false));
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
