package org.qualitybenchmark.campaign.config;

import java.util.List;

/**
 * The YAML text of units written by an import: the unit file of imported units, and a campaign
 * file's {@code units:} block, replaced in place so that the rest of the file (and its comments)
 * stays as the process owner wrote it.
 */
final class UnitsYaml {

    private UnitsYaml() {
    }

    static String unitFile(List<UnitDefinition> units) {
        StringBuilder text = new StringBuilder("""
                # 通过“批量导入”（推荐单位名单导入）新增的推荐单位。由系统写入，可以手工修改；
                # 修改后重启系统生效。其他推荐单位见本文件夹中的各省文件。
                units:
                """);
        for (UnitDefinition unit : units) {
            text.append("  - code: ").append(quote(unit.code())).append('\n');
            text.append("    name: ").append(quote(unit.name())).append('\n');
            text.append("    kind: ").append(unit.kind() == null ? "" : unit.kind().name()).append('\n');
            if (unit.region() != null) {
                text.append("    region: ").append(quote(unit.region())).append('\n');
            }
            if (unit.parent() != null) {
                text.append("    parent: ").append(quote(unit.parent())).append('\n');
            }
        }
        return text.toString();
    }

    /** The campaign file with its top-level {@code units:} block (up to the next top-level line) replaced. */
    static String replaceUnits(String source, List<CampaignUnit> units) {
        StringBuilder block = new StringBuilder("units:\n");
        for (CampaignUnit unit : units) {
            block.append("  - unit: ").append(quote(unit.unit())).append('\n');
            if (unit.quota() != null) {
                block.append("    quota: ").append(unit.quota()).append('\n');
            }
            if (unit.unlimited()) {
                block.append("    unlimited: true\n");
            }
        }
        String[] lines = source.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.length && !lines[i].matches("units:\\s*(#.*)?\\r?")) {
            out.append(lines[i]).append('\n');
            i++;
        }
        if (i == lines.length) {
            return source.endsWith("\n") ? source + block : source + "\n" + block;
        }
        out.append(block);
        i++;
        while (i < lines.length && (lines[i].isBlank() || lines[i].startsWith(" ") || lines[i].startsWith("-")
                || lines[i].startsWith("\t"))) {
            i++;
        }
        if (i < lines.length) {
            out.append('\n');
        }
        for (; i < lines.length; i++) {
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
