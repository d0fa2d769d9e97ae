package fi.hyte.report.domain;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.mail.DigestContent;
import fi.hyte.platform.mail.MailLine;
import fi.hyte.platform.mail.MailSection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report's part of the weekly digest: the sections a person writes in a report still being
 * written, due within two weeks or overdue and not yet reviewed, with the open comments on each.
 */
@Component
class ReportMail implements DigestContent {

    static final int DUE_WITHIN_DAYS = 14;

    private final Reports reports;
    private final OrganisationCatalog organisations;

    ReportMail(Reports reports, OrganisationCatalog organisations) {
        this.reports = reports;
        this.organisations = organisations;
    }

    @Override
    @Transactional(readOnly = true)
    public Part prepare(OrganisationId organisation, LocalDate today, Instant since) {
        Map<UUID, UUID> personOfUser = organisations.people(organisation).stream()
                .filter(p -> p.userId() != null)
                .collect(Collectors.toMap(
                        OrganisationCatalog.PersonSummary::userId, OrganisationCatalog.PersonSummary::id, (a, b) -> a));
        List<Due> due = new ArrayList<>();
        for (Report r : reports.of(organisation)) {
            if (!r.status().editable()) {
                continue;
            }
            Map<UUID, Long> open = reports.comments(organisation, r.id()).stream()
                    .filter(c -> !c.resolved())
                    .collect(Collectors.groupingBy(c -> c.sectionId(), Collectors.counting()));
            for (Section s : reports.sections(organisation, r.id())) {
                if (s.authorPersonId() != null
                        && s.reviewedAt() == null
                        && s.dueOn() != null
                        && !s.dueOn().isAfter(today.plusDays(DUE_WITHIN_DAYS))) {
                    due.add(new Due(r, s, open.getOrDefault(s.id(), 0L)));
                }
            }
        }
        return user -> {
            UUID person = personOfUser.get(user.value());
            if (person == null) {
                return List.of();
            }
            List<MailLine> lines = due.stream()
                    .filter(d -> person.equals(d.section().authorPersonId()))
                    .map(d -> MailLine.of(
                            d.section().dueOn().isBefore(today) ? "report.mail.overdue" : "report.mail.due",
                            "/reports/" + d.report().id() + "/sections/"
                                    + d.section().id(),
                            d.section().title(),
                            d.report().title(),
                            d.section().dueOn(),
                            d.openComments()))
                    .toList();
            return lines.isEmpty() ? List.of() : List.of(new MailSection("report.mail.sections", lines));
        };
    }

    private record Due(Report report, Section section, long openComments) {}
}
