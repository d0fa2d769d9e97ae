package fi.hyte.impact.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The preparer's answers to the screening questions, and what the template's rules conclude from
 * them. An exclusion (a decision on an individual, an appeal …) means no assessment is needed.
 *
 * @param sharePercent share of residents affected, 0–100; null when not answered
 * @param yes the yes/no rules answered yes (group, staff, network, strategy)
 * @param groups the matrix's group rows the decision concerns
 * @param areas the organisation's areas it concerns (names in Finnish, as the template holds them)
 */
public record Screening(
        boolean answered,
        BigDecimal sharePercent,
        BigDecimal euros,
        Set<String> yes,
        String exclusion,
        List<String> groups,
        List<String> areas) {

    public Screening {
        yes = yes == null ? Set.of() : Set.copyOf(yes);
        groups = groups == null ? List.of() : List.copyOf(groups);
        areas = areas == null ? List.of() : List.copyOf(areas);
        exclusion = exclusion == null || exclusion.isBlank() ? null : exclusion;
    }

    public static Screening none() {
        return new Screening(false, null, null, Set.of(), null, List.of(), List.of());
    }

    /** What the rules said and why. */
    public record Result(Need need, List<String> fired, boolean hearingRequired, String exclusion) {}

    /** Applies the template's rules; null when the screening was not answered yet. */
    public Result evaluate(TemplateContent template) {
        if (!answered) {
            return null;
        }
        if (exclusion != null) {
            return new Result(Need.NOT_REQUIRED, List.of(), false, exclusion);
        }
        List<String> fired = new ArrayList<>();
        for (TemplateContent.Rule rule : template.rules()) {
            BigDecimal threshold = template.threshold(rule);
            boolean fires = switch (rule.kind()) {
                case "share" -> sharePercent != null && threshold != null && sharePercent.compareTo(threshold) >= 0;
                case "euros" ->
                    euros != null && threshold != null && euros.abs().compareTo(threshold) >= 0;
                case "group" -> rule.group() == null ? yes.contains(rule.key()) : groups.contains(rule.group());
                default -> yes.contains(rule.key());
            };
            if (fires) {
                fired.add(rule.key());
            }
        }
        Need need = Need.NOT_REQUIRED;
        boolean hearing = false;
        for (String key : fired) {
            TemplateContent.Rule rule = template.rule(key).orElseThrow();
            if (rule.outcome() == Need.REQUIRED) {
                need = Need.REQUIRED;
            } else if (rule.outcome() == Need.RECOMMENDED && need == Need.NOT_REQUIRED) {
                need = Need.RECOMMENDED;
            }
            hearing |= rule.hearing();
        }
        return new Result(need, List.copyOf(fired), hearing, null);
    }
}
