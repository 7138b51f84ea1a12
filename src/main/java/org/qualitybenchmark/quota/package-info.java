/**
 * Recommendation within quota (推荐名额): a recommending unit's screening of the cases filed with
 * it (recommend with a rank, not recommend, return for correction), the quota each recommendation
 * holds, the unit's ranked recommendation list (qb_recommendation_list), the documents the unit
 * sends with it (qb_unit_document, kinds from the campaign's {@code recommendation.documents}, all
 * required ones present before the list is accepted), the close of recommendation at the
 * deadline, and the on-site check a county records before it recommends
 * (qb_county_site_check, {@code /api/applications/{id}/county-site-checks}). Depends on {@code application} for the cases and the file store and on
 * {@code campaign} for quotas and the unit row it locks; neither depends on this package.
 */
package org.qualitybenchmark.quota;
