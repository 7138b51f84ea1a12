/**
 * The organiser's review of the recommended cases (附件4 第十八条至第二十条): the expert pool and who
 * scores which case (回避), formal review, each expert's scores and comments and their aggregation,
 * and the panel's decisions: the defense list with its slots, each defense's conclusion, site
 * visits, and the ranked shortlist. Also the objections raised during the public notice, which
 * {@code publication} records and decides. Every decision moves or records the case through
 * {@code application.CaseProgress}, so it lands in the case's history; scores, comments and
 * findings are kept in this module's tables, never in the process engine.
 */
package org.qualitybenchmark.review;
