package org.qualitybenchmark.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.qualitybenchmark.application.CaseViews.CaseDetail;
import org.qualitybenchmark.campaign.config.CampaignDefinition;
import org.qualitybenchmark.document.ApplicationFormReader.Content;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every campaign's form, written from a case with every field filled and read back, gives the same
 * values: enterprise, unit, directions, texts with their paragraphs, figures, extra fields and every
 * cell of every statistics table, added rows included. The blank form reads back as nothing.
 */
class ApplicationFormRoundTripTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final ObjectMapper JSON = new ObjectMapper();

    static List<String> campaigns() {
        return FormSamples.REGISTRY.campaigns().stream().map(CampaignDefinition::code).toList();
    }

    @ParameterizedTest
    @MethodSource("campaigns")
    void aFilledFormReadsBackAsTheCase(String code) throws Exception {
        CampaignDefinition campaign = FormSamples.campaign(code);
        CaseDetail detail = FormSamples.filledCase(campaign);
        byte[] file = ApplicationFormWriter.filled(campaign, FormSamples.LAYOUTS.of(campaign), detail, ZONE);
        Path out = Files.createDirectories(Path.of("target/application-forms")).resolve(code + ".docx");
        Files.write(out, file);

        Content content = ApplicationFormReader.read(file, FormSamples.REGISTRY::campaign);
        assertThat(content.campaign()).isEqualTo(code);
        assertThat(content.caseNumber()).isEqualTo(detail.caseNumber());
        FormValues.Values values = FormValues.of(content, campaign, FormSamples::unitByName);
        assertThat(values.problems()).isEmpty();
        assertThat(values.values()).allSatisfy(v -> assertThat(v.refusal()).as(v.path()).isNull());

        FormState read = FormState.empty(code);
        values.preparations().forEach(p -> p.accept(read));
        values.values().forEach(v -> v.apply().accept(read));
        JsonNode expected = normalised(FormState.of(detail).json());
        JsonNode actual = normalised(read.json());
        assertThat(actual).isEqualTo(expected);
        if (campaign.fields().stream().anyMatch(f -> f.table() != null)) {
            assertThat(actual.path("fields").toString()).contains("freeRows");
        }
    }

    @ParameterizedTest
    @MethodSource("campaigns")
    void aBlankFormHoldsNoValuesButIsTheCampaignsForm(String code) throws Exception {
        CampaignDefinition campaign = FormSamples.campaign(code);
        byte[] file = ApplicationFormWriter.blank(campaign, FormSamples.LAYOUTS.of(campaign), ZONE);
        Files.write(Files.createDirectories(Path.of("target/application-forms")).resolve(code + "-blank.docx"), file);
        Content content = ApplicationFormReader.read(file, FormSamples.REGISTRY::campaign);
        assertThat(content.campaign()).isEqualTo(code);
        assertThat(content.caseNumber()).isNull();
        assertThat(content.tagged()).as("the controls are there").isTrue();
        assertThat(FormValues.of(content, campaign, FormSamples::unitByName).values()).isEmpty();
    }

    /** Numbers compared by value, whatever their scale or whether the JSON has them as text. */
    static JsonNode normalised(Map<String, Object> json) throws Exception {
        String text = JSON.writeValueAsString(json);
        JsonNode tree = JSON.readTree(text);
        return numbersAsText(tree);
    }

    private static JsonNode numbersAsText(JsonNode node) {
        if (node.isObject()) {
            var object = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    object.set(e.getKey(), numbersAsText(e.getValue()));
                }
            });
            return object;
        }
        if (node.isArray()) {
            var array = JSON.createArrayNode();
            node.forEach(n -> array.add(numbersAsText(n)));
            return array;
        }
        if (node.isNumber()) {
            return JSON.getNodeFactory().textNode(node.decimalValue().stripTrailingZeros().toPlainString());
        }
        if (node.isTextual() && node.asText().matches("-?[0-9]+(\\.[0-9]+)?")) {
            return JSON.getNodeFactory().textNode(new java.math.BigDecimal(node.asText()).stripTrailingZeros().toPlainString());
        }
        return node;
    }
}
