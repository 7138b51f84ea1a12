package org.qualitybenchmark.calendar;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of whole working days as process owners write it in a model: {@code P10WD} is ten working
 * days. The letters follow ISO 8601 durations so that the text reads like the {@code P5D} next to it,
 * but no ISO parser accepts {@code WD}, so a plain duration can never be mistaken for one.
 * <p>
 * The day the period starts from is not counted (民法典第二百零一条: 开始的当日不计入), and the period
 * ends with the last of its working days; a deadline of {@code P10WD} set on a Friday is the tenth
 * working day after that Friday, whatever holidays and make-up working days lie in between.
 */
public record WorkingDayPeriod(int workingDays) {

    /** About one year of working days; no notice gives longer, and the data covers only a few years. */
    public static final int MAX_WORKING_DAYS = 250;

    public static final String EXAMPLE = "P10WD";

    private static final Pattern NOTATION = Pattern.compile("P(\\d+)WD");
    /**
     * Text that meant working days but is written some other way: refused with a hint instead of being
     * handed to the ISO parser, whose English message would not say what was meant.
     */
    private static final Pattern ATTEMPT = Pattern.compile(
            "(?iu).*(\\dWD|WD$|W\\s+D|工作日|work(ing)?\\s*-?\\s*days?|business\\s*days?).*");

    public WorkingDayPeriod {
        if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("工作日数应在1到" + MAX_WORKING_DAYS + "之间，实际为" + workingDays);
        }
    }

    /**
     * The period the text writes, or empty if the text is not about working days at all (such as
     * {@code P5D} or {@code 2024-05-27T23:59:59}), which is then someone else's to read.
     *
     * @throws IllegalArgumentException if the text means working days but is written wrongly, or the
     *                                  number is out of range; the message says how to write it
     */
    public static Optional<WorkingDayPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        Matcher matcher = NOTATION.matcher(trimmed);
        if (matcher.matches()) {
            String digits = matcher.group(1);
            if (digits.length() > 4 || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > MAX_WORKING_DAYS) {
                throw new IllegalArgumentException("工作日期限“" + trimmed + "”的工作日数应在1到" + MAX_WORKING_DAYS
                        + "之间");
            }
            return Optional.of(new WorkingDayPeriod(Integer.parseInt(digits)));
        }
        if (ATTEMPT.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("“" + trimmed + "”不是有效的工作日期限写法：应写作 P加工作日数加WD，"
                    + "如 " + EXAMPLE + " 表示10个工作日（当日不计入），字母大写，中间不留空格，"
                    + "不能带小数，也不能与其他时长（如 T12H）组合");
        }
        return Optional.empty();
    }

    /**
     * Whether the text is about working days at all, written rightly or not: for places that take no
     * working days (a repeating timer), to refuse them by name.
     */
    public static boolean isMentionedIn(String text) {
        if (text == null) {
            return false;
        }
        String trimmed = text.strip();
        return NOTATION.matcher(trimmed).matches() || ATTEMPT.matcher(trimmed).matches();
    }

    @Override
    public String toString() {
        return "P" + workingDays + "WD";
    }
}
