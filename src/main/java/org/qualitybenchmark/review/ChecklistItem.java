package org.qualitybenchmark.review;

import java.util.Arrays;
import java.util.Optional;

/** What the office confirms in formal review (附件4 第十八条、第九条); each must hold for a pass. */
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

    public static Optional<ChecklistItem> byKey(String key) {
        return Arrays.stream(values()).filter(item -> item.key.equals(key)).findFirst();
    }
}
