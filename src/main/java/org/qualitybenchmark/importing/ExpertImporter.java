package org.qualitybenchmark.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.qualitybenchmark.access.AppUser;
import org.qualitybenchmark.campaign.config.CampaignRegistry;
import org.qualitybenchmark.campaign.config.UnitDefinition;
import org.qualitybenchmark.review.ExpertService;
import org.qualitybenchmark.review.ExpertService.ExpertInput;
import org.qualitybenchmark.review.ExpertService.ExpertView;
import org.qualitybenchmark.review.OfficeAccess;
import org.qualitybenchmark.support.ConflictException;
import org.qualitybenchmark.support.NotFoundException;
import org.qualitybenchmark.support.RuleViolationException;

/**
 * The expert roster (专家库) as a sheet, one expert per row: new logins are registered, experts
 * already in the roster are updated, as the office does one by one through {@code /api/experts};
 * experts not in the file stay as they are. The roster holds what the model has: login, name,
 * organisation, the recommending unit they belong to (回避) and whether they take new cases; the
 * model keeps no specialties. The check runs every row through {@link ExpertService} itself in a
 * transaction that is rolled back, so it applies exactly the API's rules (login exists and is in
 * the experts group, lengths, known unit).
 */
@Component
class ExpertImporter implements Importer, Exporter {

    private static final String YES = "是";
    private static final String NO = "否";

    private final ExpertService experts;
    private final CampaignRegistry registry;
    private final TransactionTemplate transactions;

    ExpertImporter(ExpertService experts, CampaignRegistry registry,
            PlatformTransactionManager transactionManager) {
        this.experts = experts;
        this.registry = registry;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.EXPERTS;
    }

    @Override
    public void authorise(ImportRequest request, AppUser user) {
        OfficeAccess.require(user, "import the expert roster");
    }

    @Override
    public String targetName(ImportRequest request) {
        return "专家库";
    }

    @Override
    public TemplateLayout layout(ImportRequest request) {
        List<String> units = registry.units().stream().sorted(Comparator.comparing(UnitDefinition::code))
                .map(u -> u.code() + " " + u.name()).toList();
        List<Column> columns = List.of(
                Column.text("userId", "登录账号", true,
                        "专家在本系统的登录账号（须已在 Camunda Admin 中创建并加入评审专家组）；字母、数字、下划线、点和连字符，不超过64位"),
                Column.text("name", "专家姓名", true, "不超过100字"),
                Column.text("organisation", "工作单位", true, "不超过200字"),
                new Column("unit", "所属推荐单位（回避）", Column.Type.CHOICE, false, units,
                        "专家所在的推荐单位，评审时回避该单位推荐的企业；不属于任何推荐单位的留空", 36),
                Column.choice("active", "参加评审", false, List.of(YES, NO), "“否”表示不再分配新的评审任务；留空为“是”"));
        return new TemplateLayout(ImportKind.EXPERTS, null, "评审专家名单导入模板", columns, List.of(
                "用途：批量登记或修改评审专家（专家库）。文件中的新账号登记为专家，已在专家库中的账号按文件修改；文件中没有的专家保持不变。",
                "填写：在“" + TemplateWriter.DATA_SHEET + "”工作表中从第2行起每行填写一位专家；不要修改第1行的列标题。",
                "检查：与网页登记专家相同的规则逐行检查；只要有一行有错误，整个文件都不导入，并给出每个错误的行号、列和原因。",
                "同一登录账号在文件中只能出现一次。"));
    }

    @Override
    public List<List<Object>> rows(ImportRequest request, TemplateLayout layout) {
        List<List<Object>> rows = new ArrayList<>();
        for (ExpertView expert : experts.list()) {
            List<Object> row = new ArrayList<>();
            row.add(expert.userId());
            row.add(expert.name());
            row.add(expert.organisation());
            row.add(expert.unit() == null ? null : expert.unit() + " " + expert.unitName());
            row.add(expert.active() ? YES : NO);
            rows.add(row);
        }
        return rows;
    }

    @Override
    public Prepared prepare(ImportRequest request, TemplateLayout layout, List<UploadedWorkbook.DataRow> rows,
            AppUser user, Progress progress) {
        RowErrors errors = new RowErrors(layout);
        List<ExpertRow> parsed = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (UploadedWorkbook.DataRow row : rows) {
            String active = row.get("active");
            Boolean isActive = null;
            if (YES.equals(active)) {
                isActive = true;
            } else if (NO.equals(active)) {
                isActive = false;
            } else if (active != null) {
                errors.add(row, "active", "应为“是”或“否”");
                continue;
            }
            String unit = row.get("unit");
            ExpertInput input = new ExpertInput(row.get("userId"), row.get("name"), row.get("organisation"),
                    unit == null ? null : unit.split("\\s+")[0], isActive);
            if (input.userId() != null) {
                Integer first = firstRow.putIfAbsent(input.userId().strip(), row.number());
                if (first != null) {
                    errors.add(row, "userId", "与第" + first + "行的登录账号重复；每位专家只能填写一行");
                    continue;
                }
            }
            parsed.add(new ExpertRow(row, input));
        }
        Set<String> existing = experts.list().stream().map(ExpertView::userId).collect(Collectors.toSet());
        // The service's own checks, in a transaction that is always rolled back: nothing is kept.
        transactions.executeWithoutResult(status -> {
            int done = 0;
            for (ExpertRow row : parsed) {
                apply(row, existing, user, errors);
                progress.rows(++done, parsed.size());
            }
            status.setRollbackOnly();
        });
        List<RowError> found = errors.list().stream().sorted(Comparator.comparingInt(RowError::row)).toList();
        return new Prepared() {
            @Override
            public List<RowError> errors() {
                return found;
            }

            @Override
            public Outcome apply(Progress applying) throws RowsRejected {
                RowErrors late = new RowErrors(layout);
                List<Item> items = new ArrayList<>();
                int created = 0;
                int updated = 0;
                for (ExpertRow row : parsed) {
                    boolean isNew = !existing.contains(row.input().userId().strip());
                    if (!ExpertImporter.this.apply(row, existing, user, late)) {
                        throw new RowsRejected(late.list());
                    }
                    items.add(new Item(row.row().number(), row.input().userId().strip() + " " + row.input().name(),
                            isNew ? "新登记" : "已更新", null, null));
                    if (isNew) {
                        created++;
                    } else {
                        updated++;
                    }
                    applying.rows(items.size(), parsed.size());
                }
                return new Outcome(created, updated, items, "专家库：新登记 " + created + " 位，更新 " + updated + " 位");
            }
        };
    }

    private record ExpertRow(UploadedWorkbook.DataRow row, ExpertInput input) {
    }

    private boolean apply(ExpertRow row, Set<String> existing, AppUser user, RowErrors errors) {
        try {
            if (row.input().userId() != null && existing.contains(row.input().userId().strip())) {
                experts.update(row.input().userId().strip(), row.input(), user);
            } else {
                experts.register(row.input(), user);
            }
            return true;
        } catch (RuleViolationException e) {
            e.violations().forEach(v -> errors.add(row.row(), v.field(), v.message()));
        } catch (ConflictException | NotFoundException e) {
            errors.add(row.row(), "userId", e.getMessage());
        }
        return false;
    }
}
