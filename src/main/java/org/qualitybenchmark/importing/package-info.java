/**
 * Excel imports (批量导入): the templates offered for download (a campaign's application form, the
 * expert roster, a campaign's recommending units), built from the configuration and marked with the
 * campaign and template version; reading uploaded workbooks safely (size, row and zip-bomb limits);
 * checking every row with the validators of the API before anything is written; importing a good
 * file all at once in one transaction; background jobs with their progress and report
 * ({@code qb_import_job}); the report as a workbook with the faulty cells marked; and the
 * {@code /api/imports} endpoints. It owns no domain data: rows become cases, experts and units
 * through the services of {@code application}, {@code review} and {@code campaign}.
 */
package org.qualitybenchmark.importing;
