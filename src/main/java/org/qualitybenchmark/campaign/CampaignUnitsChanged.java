package org.qualitybenchmark.campaign;

/**
 * A campaign's recommending units changed while running (an import), after the configuration and
 * the catalog took the change in; published inside the transaction that made it, so that the
 * identity groups and the campaign's running process follow in the same transaction.
 */
public record CampaignUnitsChanged(String campaignCode) {
}
