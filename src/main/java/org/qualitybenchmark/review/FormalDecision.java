package org.qualitybenchmark.review;

/** The office's decision in formal review (形式审查). */
public enum FormalDecision {
    /** On to material review. */
    PASS,
    /** Back to the enterprise for correction by a due date. */
    RETURN,
    /** Not admitted (形式审查未通过). */
    REJECT
}
