package org.qualitybenchmark.campaign.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

/**
 * What a recommending unit sends with its recommendation list besides the cases themselves
 * (Liaoning 2024: “推荐文件、推荐汇总表（附件3）”). A campaign without this section asks for nothing.
 *
 * @param documents    the kinds of unit document, in the order the unit's page shows them
 * @param summaryTable the layout of the unit's summary table (推荐汇总表) as the notice's template has it;
 *                     absent when the notice has no such template
 */
public record RecommendationRules(@Valid List<UnitDocumentKind> documents, @Valid SummaryTableLayout summaryTable) {

    public static final RecommendationRules NONE = new RecommendationRules(List.of(), null);

    public RecommendationRules {
        // Copied without List.copyOf: an empty "- " item reads as null and is reported by the checks, not here.
        documents = documents == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(documents));
    }

    public Optional<UnitDocumentKind> document(String code) {
        return documents.stream().filter(d -> d != null && d.code().equals(code)).findFirst();
    }
}
