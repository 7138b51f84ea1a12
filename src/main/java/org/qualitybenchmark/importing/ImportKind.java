package org.qualitybenchmark.importing;

/** What a file imports. */
public enum ImportKind {
    /** Applications (drafts) of one campaign, filed with one unit by its staff. */
    APPLICATIONS("申报书批量导入"),
    /** The organiser's expert roster (专家库). */
    EXPERTS("评审专家名单导入"),
    /** A campaign's recommending units and their quotas. */
    UNITS("推荐单位名单导入");

    private final String label;

    ImportKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
