/**
 * The managers' bottleneck dashboard: per campaign, the funnel of cases per stage, queue sizes and
 * ages per stage and recommending unit, overdue tasks and who holds them, dwell times per stage
 * (median and 90th percentile), throughput per day, each unit's progress against its quota and
 * deadline, and the experts' workload and scoring progress; the list of cases behind every number;
 * the same figures as an Excel workbook; and {@code /api/dashboard}. The figures are read from the
 * campaign's rows of our tables (cases, their history, lists, assignments, scores), each query
 * filtered by the campaign, and from the engine through {@link
 * org.qualitybenchmark.dashboard.ProcessFigures}, which the workflow adapter implements. Managers,
 * the office and administrators see every case; a unit's staff see their own unit's (a city also its
 * counties').
 */
package org.qualitybenchmark.dashboard;
