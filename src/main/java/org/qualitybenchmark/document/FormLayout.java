package org.qualitybenchmark.document;

import java.util.List;

/**
 * What a campaign's application form has beyond the fields of its definition, copied from the
 * notice's annex: the title, the lines of the cover, the instructions (填报说明), the pledge
 * (承诺书) and the recommending unit's sheet (推荐表 / 推荐意见). One file per campaign under
 * {@code config/application-forms/}; a campaign without one gets {@link #standard}.
 *
 * @param campaign       the campaign code the file belongs to
 * @param title          the form's title on the cover, e.g. 2024年辽宁省质量标杆申报书
 * @param cover          the lines under the title
 * @param instructions   填报说明, absent where the notice has none
 * @param pledge         the applicant's pledge, absent where the notice has none
 * @param recommendation the unit's sheet, absent where the notice has none
 */
record FormLayout(String campaign, String title, List<CoverLine> cover, Section instructions, Pledge pledge,
        Recommendation recommendation) {

    FormLayout {
        cover = cover == null ? List.of() : List.copyOf(cover);
    }

    /** What fills a cover line in a filled form. */
    enum CoverValue {
        /** The enterprise's full name. */
        ENTERPRISE,
        /** The recommending unit's name. */
        UNIT,
        /** The experience title (经验名称 / 标杆名称). */
        TITLE,
        /** The chosen directions (申报领域). */
        DIRECTIONS,
        /** The contact person's name. */
        CONTACT,
        /** The contact person's mobile number (联系方式). */
        MOBILE,
        /** The day the case was submitted; blank (年 月 日) before. */
        DATE,
        /** Left for the applicant to write by hand. */
        BLANK
    }

    /**
     * @param label  the words before the value, e.g. 企业名称
     * @param value  what fills it
     * @param suffix words after the value, e.g. （盖章）
     */
    record CoverLine(String label, CoverValue value, String suffix) {
    }

    /** A heading and its paragraphs. */
    record Section(String title, List<String> paragraphs) {
        Section {
            paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        }
    }

    /**
     * @param placement  before the form (after the instructions) or at its end, as the notice has it
     * @param paragraphs the pledge's text; {@code {enterprise}} is replaced by the enterprise's name
     * @param signatures the lines left for seal, signature and date
     */
    record Pledge(String title, Placement placement, List<String> paragraphs, List<String> signatures) {
        Pledge {
            placement = placement == null ? Placement.FRONT : placement;
            paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
            signatures = signatures == null ? List.of() : List.copyOf(signatures);
        }
    }

    enum Placement { FRONT, END }

    /**
     * @param title      e.g. 全国质量标杆推荐表
     * @param contact    the sheet asks for the unit's contact (联系人、电话、手机、电子邮箱)
     * @param opinion    the heading of the opinion box, e.g. 推荐意见：
     * @param hint       a line under it, e.g. （含本市对质量标杆工作措施和政策手段）
     * @param signatures the lines for the unit's seal and date
     * @param note       a note under the sheet
     */
    record Recommendation(String title, boolean contact, String opinion, String hint, List<String> signatures,
            String note) {
        Recommendation {
            signatures = signatures == null ? List.of() : List.copyOf(signatures);
        }
    }

    /** The form of a campaign whose notice gives no annex text: its name as title, the usual three cover lines. */
    static FormLayout standard(String campaignCode, String campaignName) {
        return new FormLayout(campaignCode, campaignName + "申报书", List.of(
                new CoverLine("企业名称", CoverValue.ENTERPRISE, "（盖章）"),
                new CoverLine("推荐单位", CoverValue.UNIT, null),
                new CoverLine("填表日期", CoverValue.DATE, null)), null, null, null);
    }
}
