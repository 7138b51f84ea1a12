package org.qualitybenchmark.nomination;

/** Where a round of recommendation to the province stands. */
public enum RoundStatus {
    OPEN("遴选中"),
    SUBMITTED("已报送省工信厅"),
    LAPSED("逾期未报送");

    private final String label;

    RoundStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
