package org.qualitybenchmark.quota;

/** What a county's on-site check found, compared with the application. */
public enum SiteCheckResult {
    CONFIRMED("现场情况与申报材料相符"),
    DISCREPANT("现场情况与申报材料不符");

    private final String label;

    SiteCheckResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
