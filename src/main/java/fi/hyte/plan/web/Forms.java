package fi.hyte.plan.web;

import java.math.BigDecimal;
import org.springframework.validation.BindingResult;

/** Reading numbers as Finnish users type them: decimal comma or point, spaces as thousands separators. */
final class Forms {

    private Forms() {}

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The number in the field, or null when it is empty; an unreadable number is a field error. */
    static BigDecimal decimal(String value, String field, BindingResult errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace('\u00a0', ' ').replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "plan.validation.number");
            return null;
        }
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
