/**
 * The offices' Excel files written from the case data (Apache POI): each recommending unit's
 * summary table (推荐汇总表) in the column layout of its campaign's template
 * ({@code recommendation.summaryTable} in the campaign file), the expert score sheets of each
 * review stage with the aggregate as {@code review} computes it, the public-notice list (公示名单)
 * and the final list (公布名单). Owns the workbook layout (fonts, widths, borders, frozen headings,
 * A4 landscape printing) and the download endpoints with their access rules; reads the other
 * packages' data with one query per kind of data and campaign, and writes nothing.
 */
package org.qualitybenchmark.spreadsheet;
