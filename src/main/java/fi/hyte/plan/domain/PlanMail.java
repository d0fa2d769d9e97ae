package fi.hyte.plan.domain;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.IndicatorCatalog.IndicatorInfo;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserId;
import fi.hyte.platform.mail.DigestContent;
import fi.hyte.platform.mail.MailKind;
import fi.hyte.platform.mail.MailLine;
import fi.hyte.platform.mail.MailSection;
import fi.hyte.platform.mail.Notice;
import fi.hyte.platform.mail.Outbox;
import fi.hyte.platform.mail.SummaryContent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan's mail: a person's part of the weekly digest (their late measures, the evaluations of
 * their goals and measures due or overdue, their goals' indicators with new data), the monthly
 * summary for management (the progress page at a glance), and the notice to a measure's new owner.
 * Reads the plan through the same {@link PlanReading} as the reminder pages, once per organisation.
 */
@Component
class PlanMail implements DigestContent, SummaryContent {

    private final PlanReading reading;
    private final OrganisationCatalog organisations;
    private final IndicatorCatalog indicators;
    private final Outbox outbox;

    PlanMail(PlanReading reading, OrganisationCatalog organisations, IndicatorCatalog indicators, Outbox outbox) {
        this.reading = reading;
        this.organisations = organisations;
        this.indicators = indicators;
        this.outbox = outbox;
    }

    @Override
    @Transactional(readOnly = true)
    public Part prepare(OrganisationId organisation, LocalDate today, Instant since) {
        Optional<Plan> current = reading.current(organisation, today);
        if (current.isEmpty()) {
            return person -> List.of();
        }
        PlanSnapshot snapshot = reading.snapshot(organisation, current.get().id());
        PlanReading.PlanProgress progress = reading.progress(organisation, snapshot, today);
        List<Finding> reminders = reading.reminders(progress, today);
        Map<Integer, IndicatorInfo> info = reading.indicatorsOf(organisation, snapshot);
        Set<Integer> updated = indicators.updatedSince(organisation, info.keySet(), since);
        Map<UUID, UUID> personOfUser = organisations.people(organisation).stream()
                .filter(p -> p.userId() != null)
                .collect(Collectors.toMap(
                        OrganisationCatalog.PersonSummary::userId, OrganisationCatalog.PersonSummary::id, (a, b) -> a));
        Map<UUID, UUID> ownerOf = new HashMap<>();
        snapshot.goals().forEach(g -> {
            if (g.ownerPersonId() != null) {
                ownerOf.put(g.id(), g.ownerPersonId());
            }
        });
        snapshot.measures().forEach(m -> {
            if (m.ownerPersonId() != null) {
                ownerOf.put(m.id(), m.ownerPersonId());
            }
        });
        return user -> {
            UUID person = personOfUser.get(user.value());
            if (person == null) {
                return List.of();
            }
            List<MailLine> late = new ArrayList<>();
            List<MailLine> evaluations = new ArrayList<>();
            for (Finding f : reminders) {
                if (!person.equals(ownerOf.get(f.subjectId()))) {
                    continue;
                }
                switch (f.kind()) {
                    case MEASURE_LATE -> late.add(MailLine.of("planmail.line.late", path(f), f.ref(), f.title()));
                    case EVALUATION_DUE, EVALUATION_OVERDUE ->
                        evaluations.add(MailLine.of(
                                "planmail.line." + f.kind().name() + (f.aboutMeasure() ? ".measure" : ".goal"),
                                path(f),
                                f.ref(),
                                f.title(),
                                String.valueOf(f.year())));
                    default -> {}
                }
            }
            List<MailLine> newData = new ArrayList<>();
            for (Goal goal : PlanReading.goalsInOrder(snapshot)) {
                if (!person.equals(goal.ownerPersonId())) {
                    continue;
                }
                snapshot.indicatorsOf(goal.id()).stream()
                        .map(GoalIndicator::indicatorId)
                        .distinct()
                        .filter(updated::contains)
                        .map(info::get)
                        .filter(Objects::nonNull)
                        .forEach(i -> newData.add(MailLine.of(
                                "planmail.line.newData",
                                "/plan/goals/" + goal.id(),
                                i.title(),
                                goal.ref(),
                                goal.title())));
            }
            List<MailSection> sections = new ArrayList<>();
            if (!late.isEmpty()) {
                sections.add(new MailSection("planmail.section.late", late));
            }
            if (!evaluations.isEmpty()) {
                sections.add(new MailSection("planmail.section.evaluations", evaluations));
            }
            if (!newData.isEmpty()) {
                sections.add(new MailSection("planmail.section.newData", newData));
            }
            return sections;
        };
    }

    private static String path(Finding f) {
        return (f.aboutMeasure() ? "/plan/measures/" : "/plan/goals/") + f.subjectId();
    }

    @Override
    @Transactional(readOnly = true)
    public List<MailSection> summary(OrganisationId organisation, LocalDate today) {
        Optional<Plan> current = reading.current(organisation, today);
        if (current.isEmpty()) {
            return List.of();
        }
        PlanSnapshot snapshot = reading.snapshot(organisation, current.get().id());
        PlanReading.PlanProgress progress = reading.progress(organisation, snapshot, today);
        String page = "/plan/" + current.get().id() + "/progress";
        List<MailLine> goals = new ArrayList<>();
        progress.goalsByStatus().forEach((status, count) -> {
            if (count > 0) {
                goals.add(MailLine.of("planmail.summary.goals." + status.name(), page, count.toString()));
            }
        });
        List<MailLine> measures = new ArrayList<>();
        progress.measuresByStatus().forEach((status, count) -> {
            if (count > 0) {
                measures.add(MailLine.of("planmail.summary.measures." + status.name(), page, count.toString()));
            }
        });
        long late = snapshot.measures().stream().filter(m -> m.isLate(today)).count();
        List<MailLine> plan = List.of(MailLine.of(
                "planmail.summary.plan",
                page,
                current.get().title(),
                String.valueOf(snapshot.goals().size()),
                String.valueOf(snapshot.measures().size()),
                String.valueOf(late)));
        return List.of(
                new MailSection("planmail.summary.section.plan", plan),
                new MailSection("planmail.summary.section.goals", goals),
                new MailSection("planmail.summary.section.measures", measures));
    }

    /**
     * Tells a measure's new owner, in the saving transaction: if the save is refused or rolled back,
     * nobody is told. Nobody is told of a measure they gave themselves.
     */
    void ownerAssigned(Tenant tenant, Measure measure) {
        if (measure.ownerPersonId() == null) {
            return;
        }
        organisations.people(tenant.organisation()).stream()
                .filter(p -> p.id().equals(measure.ownerPersonId()) && p.userId() != null)
                .map(p -> new UserId(p.userId()))
                .filter(user -> !user.equals(tenant.user()))
                .findFirst()
                .ifPresent(user -> outbox.queue(new Notice(
                        tenant.organisation(),
                        user,
                        MailKind.OWNER_ASSIGNED,
                        MailLine.of("planmail.owner.subject", null, measure.ref(), measure.title()),
                        List.of(
                                MailLine.of(
                                        "planmail.owner.line",
                                        "/plan/measures/" + measure.id(),
                                        measure.ref(),
                                        measure.title(),
                                        tenant.userName()),
                                MailLine.of("planmail.owner.mine", "/plan/mine")),
                        "/plan/measures/" + measure.id())));
    }
}
