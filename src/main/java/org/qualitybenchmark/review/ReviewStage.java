package org.qualitybenchmark.review;

import org.qualitybenchmark.application.CaseStage;

/** The review stages at which experts score. */
public enum ReviewStage {
    MATERIAL_REVIEW("资料评审", CaseStage.MATERIAL_REVIEW),
    DEFENSE("答辩评审", CaseStage.DEFENSE),
    SITE_VISIT("现场考察", CaseStage.SITE_VISIT);

    private final String label;
    private final CaseStage caseStage;

    ReviewStage(String label, CaseStage caseStage) {
        this.label = label;
        this.caseStage = caseStage;
    }

    public String label() {
        return label;
    }

    /** The stage a case is in while experts score it at this review stage. */
    public CaseStage caseStage() {
        return caseStage;
    }
}
