package fi.hyte.plan.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Money and amounts on plan pages ({@code @planFormat} in templates): whole euros, person-years as typed. */
@Component("planFormat")
class PlanFormat {

    /** Whole euros with the language's grouping, e.g. 2 343 000 €, or € 2,343,000 in English. */
    public String euros(BigDecimal value, Locale locale) {
        if (value == null) {
            return "–";
        }
        String amount = NumberFormat.getIntegerInstance(locale).format(value.setScale(0, RoundingMode.HALF_UP));
        return locale.getLanguage().equals("en") ? "€" + amount : amount + "\u00a0€";
    }

    /** An amount without trailing zeros, e.g. 0,5 or 22,5. */
    public String amount(BigDecimal value, Locale locale) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }
}
