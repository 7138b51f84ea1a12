package org.qualitybenchmark.access;

/** What a user does in a campaign, given by their identity-service groups. */
public enum Role {
    /** Camunda administrators (group camunda-admin). */
    ADMIN,
    /** The organiser's office (组织单位办公室): runs formal review, the public notice, the announcement. */
    OFFICE,
    /** Managers who watch progress and bottlenecks. */
    MANAGER,
    /** Experts who score material review and defense. */
    EXPERT,
    /** Process owners who edit procedures and campaign configuration. */
    PROCESS_OWNER,
    /** Staff of a recommending unit (a member of at least one unit-… group). */
    UNIT_STAFF,
    /** An enterprise's applicant. */
    APPLICANT
}
