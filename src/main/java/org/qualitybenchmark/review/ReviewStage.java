package org.qualitybenchmark.review;

/** The review stages at which experts score. */
public enum ReviewStage {
    MATERIAL_REVIEW("资料评审"),
    DEFENSE("答辩评审"),
    SITE_VISIT("现场考察");

    private final String label;

    ReviewStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
