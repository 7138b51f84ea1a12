package org.qualitybenchmark.campaign.config;

/** Who awards the title: the nation (MIIT and CAQ), a province, or a city. */
public enum CampaignLevel {
    NATIONAL("全国"),
    PROVINCIAL("省级"),
    MUNICIPAL("市级");

    private final String label;

    CampaignLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
