package org.qualitybenchmark.reference;

/**
 * A GB/T 4754-2017 division (大类): its two-digit code and name, and the section (门类) it belongs to.
 * The section letter is not part of the numeric code; the division alone determines it.
 */
public record IndustryDivision(String code, String name, String sectionCode, String sectionName) {

    /** 工业 in Chinese statistics = 采矿业, 制造业 and 电力、热力、燃气及水生产和供应业 = divisions 06–46. */
    public boolean isIndustrial() {
        int number = Integer.parseInt(code);
        return number >= 6 && number <= 46;
    }
}
