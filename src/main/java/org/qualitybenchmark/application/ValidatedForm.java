package org.qualitybenchmark.application;

import java.util.Map;
import java.util.Set;

import org.qualitybenchmark.enterprise.SizeClass;

/**
 * A form the rules accepted, normalised and resolved against the campaign.
 *
 * @param fields the one-value extra fields as stored text
 * @param tables the TABLE fields, each as its stored JSON
 */
record ValidatedForm(
        Long campaignId,
        Long unitId,
        String uscc,
        Long usccOverrideId,
        String enterpriseName,
        OwnershipType ownershipType,
        String industryCode,
        Integer employees,
        SizeClass declaredSize,
        SizeClass computedSize,
        String address,
        String postcode,
        Contact contact,
        String title,
        Set<String> directions,
        Map<String, String> texts,
        Map<Integer, YearFigures> figures,
        Map<String, String> fields,
        Map<String, String> tables) {
}
