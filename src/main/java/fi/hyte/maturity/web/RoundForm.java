package fi.hyte.maturity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Opening an assessment round: respondents are the organisation's people (the wellbeing group's
 * members first), users without a person, and/or names, one per line.
 */
record RoundForm(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        String title,

        @NotNull(message = "{validation.date}") LocalDate assessedOn,
        LocalDate deadline,
        Boolean answersVisible,
        List<UUID> users,
        @Size(max = 5000, message = "{validation.tooLong}") String otherNames,
        List<UUID> people) {

    RoundForm {
        answersVisible = Boolean.TRUE.equals(answersVisible);
        users = users == null
                ? List.of()
                : users.stream().filter(java.util.Objects::nonNull).distinct().toList();
        people = people == null
                ? List.of()
                : people.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    static RoundForm empty() {
        return new RoundForm("", LocalDate.now(), LocalDate.now().plusWeeks(3), false, List.of(), "", List.of());
    }

    List<String> names() {
        return otherNames == null
                ? List.of()
                : otherNames
                        .lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .distinct()
                        .toList();
    }
}
