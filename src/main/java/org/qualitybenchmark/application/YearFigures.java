package org.qualitybenchmark.application;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One financial year of the form, in 万元 (10,000 CNY). */
@Embeddable
public class YearFigures {

    @Column(name = "revenue")
    private BigDecimal revenue;

    @Column(name = "profit")
    private BigDecimal profit;

    @Column(name = "total_assets")
    private BigDecimal totalAssets;

    protected YearFigures() {
    }

    public YearFigures(BigDecimal revenue, BigDecimal profit, BigDecimal totalAssets) {
        this.revenue = revenue;
        this.profit = profit;
        this.totalAssets = totalAssets;
    }

    public BigDecimal revenue() {
        return revenue;
    }

    public BigDecimal profit() {
        return profit;
    }

    public BigDecimal totalAssets() {
        return totalAssets;
    }
}
