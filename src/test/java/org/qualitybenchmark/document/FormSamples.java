package org.qualitybenchmark.document;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Validation;

import org.qualitybenchmark.application.CaseStage;
import org.qualitybenchmark.application.CaseViews.CaseDetail;
import org.qualitybenchmark.application.CaseViews.ContactView;
import org.qualitybenchmark.application.CaseViews.EnterpriseView;
import org.qualitybenchmark.application.CaseViews.FigureView;
import org.qualitybenchmark.application.CaseViews.Labelled;
import org.qualitybenchmark.application.OwnershipType;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.campaign.config.ExtraField;
import org.qualitybenchmark.campaign.config.TableLayout;
import org.qualitybenchmark.campaign.config.TextSection;
import org.qualitybenchmark.campaign.config.UnitDefinition;
import org.qualitybenchmark.campaign.config.YamlCampaignRegistry;
import org.qualitybenchmark.enterprise.Uscc;

/** The real campaigns and a case of each with every field of its form filled in, for the form tests. */
final class FormSamples {

    static final YamlCampaignRegistry REGISTRY = new YamlCampaignRegistry(Path.of("config/units"),
            Path.of("config/campaigns"), Validation.buildDefaultValidatorFactory().getValidator());

    static final FormLayouts LAYOUTS = new FormLayouts(Path.of("config/application-forms"),
            REGISTRY.campaigns().stream().map(CampaignDefinition::code).toList());

    private FormSamples() {
    }

    static CampaignDefinition campaign(String code) {
        return REGISTRY.campaign(code).orElseThrow();
    }

    static Optional<String> unitByName(String name) {
        return REGISTRY.units().stream().filter(u -> u.name().equals(name)).map(UnitDefinition::code).findFirst();
    }

    /** A case of the campaign with every field, figure, text and table cell filled, tables with two added rows. */
    static CaseDetail filledCase(CampaignDefinition campaign) {
        UnitDefinition unit = REGISTRY.unit(campaign.units().get(0).unit()).orElseThrow();
        EnterpriseView enterprise = new EnterpriseView("91130100MA07L8KX2" + Uscc.checkCharacter("91130100MA07L8KX2"), "示例精工“质量”有限公司", "130100", "石家庄市",
                OwnershipType.PRIVATE, "3484", "通用零部件制造", 1200, "LARGE", "LARGE", false,
                "河北省石家庄市长安区中山东路1号 A座", "050000");
        List<Labelled> directions = campaign.directions().stream().limit(Math.min(2, campaign.maxDirections()))
                .map(d -> new Labelled(d.code(), d.name())).toList();
        Map<String, String> texts = new LinkedHashMap<>();
        for (TextSection section : campaign.texts()) {
            if (!TextSection.TITLE.equals(section.key())) {
                texts.put(section.key(), section.label() + "第一段：推行全面质量管理，合格率99.5%。\n第二段：English words & <符号>。");
            }
        }
        List<FigureView> figures = new ArrayList<>();
        int i = 0;
        for (Integer year : campaign.eligibility().financialYears()) {
            figures.add(new FigureView(year, new BigDecimal("45000.5").add(BigDecimal.valueOf(i)),
                    new BigDecimal(i == 0 ? "-150" : "3200"), new BigDecimal("80000")));
            i++;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (ExtraField field : campaign.fields()) {
            fields.put(field.key(), switch (field.type()) {
                case TEXT -> "示例" + field.label();
                case INTEGER -> new BigDecimal("7");
                case DECIMAL -> new BigDecimal("12.5");
                case CHOICE -> field.options().get(field.options().size() - 1);
                case MULTI_CHOICE -> List.copyOf(field.options().subList(0, Math.min(2, field.options().size())));
                case BOOLEAN -> Boolean.TRUE;
                case TABLE -> table(field.table());
            });
        }
        return new CaseDetail(42L, campaign.caseNumberPrefix() + "-0042", campaign.code(), campaign.name(), unit.code(),
                unit.name(), CaseStage.DRAFT, "草稿", null, enterprise, directions, "实施“零缺陷”质量管理的经验", texts,
                figures, new ContactView("张三", "质量部", "部长", "0311-80000001", "13900000001", "zhangsan@example.com"),
                fields, List.of(), List.of(), "applicant1", Instant.parse("2024-10-21T01:00:00Z"),
                Instant.parse("2024-10-21T01:00:00Z"), null);
    }

    private static Map<String, Object> table(TableLayout table) {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (TableLayout.Row row : table.rows()) {
            Map<String, Object> cells = new LinkedHashMap<>();
            for (TableLayout.Column column : table.columns()) {
                if (row.has(column)) {
                    cells.put(column.key(), sample(table.rule(row, column), row.key() + "-" + column.key()));
                }
            }
            rows.put(row.key(), cells);
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("rows", rows);
        if (table.freeRows() != null) {
            List<Map<String, Object>> free = new ArrayList<>();
            for (int n = 1; n <= Math.min(2, table.freeRows().max()); n++) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (table.freeRows().label() != null) {
                    row.put("label", "增加项目" + n);
                }
                if (table.freeRows().unit()) {
                    row.put("unit", "%");
                }
                Map<String, Object> cells = new LinkedHashMap<>();
                for (TableLayout.Column column : table.columns()) {
                    cells.put(column.key(), sample(table.rule(null, column), "free" + n + "-" + column.key()));
                }
                row.put("cells", cells);
                free.add(row);
            }
            value.put("freeRows", free);
        }
        return value;
    }

    private static Object sample(TableLayout.Cell rule, String name) {
        return switch (rule.type()) {
            case TEXT -> "填写" + name;
            case INTEGER -> new BigDecimal(rule.min() == null ? "3" : rule.min().add(BigDecimal.ONE).toPlainString());
            case DECIMAL -> rule.max() != null ? new BigDecimal("12.5") : new BigDecimal("52000.75");
            case CHOICE -> rule.options().get(rule.options().size() - 1);
        };
    }
}
