package org.qualitybenchmark.campaign.config;

/** What sort of body a recommending unit is. */
public enum UnitKind {
    /** A prefecture-level city's bureau, or a province-administered city such as 定州 or 辛集. */
    CITY("市"),
    /** A county, county-level city or district bureau. */
    COUNTY("县（市、区）"),
    /** A new area or demonstration zone with its own bureau, e.g. 雄安新区, 沈抚示范区. */
    ZONE("新区/示范区"),
    /** An industry association. */
    ASSOCIATION("行业协会"),
    /** Provincial or central enterprises that report directly (省属企业和中央驻鲁企业可直接报送). */
    DIRECT("直报企业");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
