package org.qualitybenchmark.enterprise;

import java.util.Locale;
import java.util.Optional;

import org.qualitybenchmark.enterprise.UsccViolation.Kind;

/**
 * The 统一社会信用代码 (Unified Social Credit Code) of GB 32100-2015: 18 characters from a 31-character
 * set, positions 3–8 the GB/T 2260 code of the registering authority, position 18 a mod-31 check
 * character (GB/T 17710).
 */
public final class Uscc {

    public static final int LENGTH = 18;

    /** The character set in value order: I, O, Z, S and V are left out because they read like digits. */
    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int MODULUS = 31;
    private static final int[] WEIGHTS = weights();

    private Uscc() {
    }

    /**
     * What people paste from certificates and web pages: surrounding (also full-width) spaces, full-width
     * letters and digits from Chinese input methods, lower case. Null stays null.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String stripped = raw.strip();
        StringBuilder result = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean fullWidthLetterOrDigit = (c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ');
            result.append(fullWidthLetterOrDigit ? (char) (c - 0xFEE0) : c);
        }
        return result.toString().toUpperCase(Locale.ROOT);
    }

    /** The first rule a (normalised) code breaks, checked in the order of the {@link Kind} constants. */
    public static Optional<UsccViolation> validate(String normalized) {
        if (normalized == null || normalized.isBlank()) {
            return violation(Kind.REQUIRED, "请填写统一社会信用代码");
        }
        int[] codePoints = normalized.codePoints().toArray();
        if (codePoints.length != LENGTH) {
            return violation(Kind.LENGTH, "统一社会信用代码应为18位，实际为" + codePoints.length + "位");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (CHARACTERS.indexOf(codePoints[i]) < 0) {
                String message = "统一社会信用代码第" + (i + 1) + "位的字符“" + Character.toString(codePoints[i])
                        + "”不允许使用（只能是数字和除I、O、Z、S、V以外的大写字母）";
                // The first 17 are known good here, so the person can be told what the check character should be.
                if (i == LENGTH - 1) {
                    message += "，按前17位计算，第18位应为“" + checkCharacter(normalized.substring(0, LENGTH - 1)) + "”";
                }
                return violation(Kind.CHARACTER, message);
            }
        }
        String region = registrationRegion(normalized);
        if (!region.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return violation(Kind.REGION_FORMAT, "统一社会信用代码第3至8位是登记管理机关行政区划码，应为6位数字，实际为“"
                    + region + "”");
        }
        char expected = checkCharacter(normalized.substring(0, LENGTH - 1));
        char actual = normalized.charAt(LENGTH - 1);
        if (expected != actual) {
            return violation(Kind.CHECK_DIGIT, "统一社会信用代码校验位不符：按前17位计算，第18位应为“" + expected
                    + "”，实际为“" + actual + "”，请核对是否输错");
        }
        return Optional.empty();
    }

    /**
     * The check character for the first 17 characters: C18 = (31 − Σ Ci·Wi mod 31) mod 31 with
     * Wi = 3^(i−1) mod 31.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of the code's set
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("计算校验位需要统一社会信用代码的前17位");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int value = CHARACTERS.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("第" + (i + 1) + "位的字符“" + first17.charAt(i) + "”不允许使用");
            }
            sum += value * WEIGHTS[i];
        }
        return CHARACTERS.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }

    /**
     * Positions 3–8: where the registering authority sits, e.g. 440300 for Shenzhen. It is not updated
     * when a company moves, so it is not the company's current address.
     *
     * @throws IllegalArgumentException if {@code uscc} is shorter than 8 characters
     */
    public static String registrationRegion(String uscc) {
        if (uscc == null || uscc.length() < 8) {
            throw new IllegalArgumentException("统一社会信用代码不足8位，无法取得登记管理机关行政区划码");
        }
        return uscc.substring(2, 8);
    }

    private static Optional<UsccViolation> violation(Kind kind, String message) {
        return Optional.of(new UsccViolation(kind, message));
    }

    private static int[] weights() {
        int[] weights = new int[LENGTH - 1];
        int weight = 1;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight;
            weight = weight * 3 % MODULUS;
        }
        return weights;
    }
}
