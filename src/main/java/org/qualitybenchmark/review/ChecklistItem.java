package org.qualitybenchmark.review;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.qualitybenchmark.campaign.config.Eligibility;

/**
 * What the office confirms in formal review (全国质量标杆遴选及交流实施办法 第十八条、第九条); each item that
 * applies to the campaign must hold for a pass.
 */
public enum ChecklistItem {
    QUALIFIED("qualified", "申报资格符合"),
    COMPLETE("complete", "材料齐全"),
    SEALED("sealed", "签字盖章齐全"),
    PROFITABLE("profitable", "近三年连续盈利");

    private final String key;
    private final String label;

    ChecklistItem(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /**
     * The items a campaign's formal review confirms: profitability only where the notice requires it
     * (e.g. 河北 2022 “近三年连续保持盈利”; 浙江 2024 asks only for two good operating years).
     */
    public static Set<ChecklistItem> applicableTo(Eligibility eligibility) {
        Set<ChecklistItem> items = EnumSet.allOf(ChecklistItem.class);
        if (!eligibility.profitableEachYear()) {
            items.remove(PROFITABLE);
        }
        return items;
    }

    public static Optional<ChecklistItem> byKey(String key) {
        return Arrays.stream(values()).filter(item -> item.key.equals(key)).findFirst();
    }
}
