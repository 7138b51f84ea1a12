package org.qualitybenchmark.application;

import java.util.Map;
import java.util.Set;

import org.qualitybenchmark.enterprise.SizeClass;

/** A form the rules accepted, normalised and resolved against the campaign. */
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
        Map<String, String> fields) {
}
