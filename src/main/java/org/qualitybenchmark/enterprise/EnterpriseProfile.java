package org.qualitybenchmark.enterprise;

import java.math.BigDecimal;

/** What an application says about its enterprise, as the enterprise record takes it over. */
public record EnterpriseProfile(String name, String ownershipType, String industryCode, Integer employees,
        BigDecimal latestRevenue, SizeClass sizeClass) {
}
