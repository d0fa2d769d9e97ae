package fi.hyte.plan.web;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.organisation.OrganisationCatalog.BodySummary;
import fi.hyte.organisation.OrganisationCatalog.PersonSummary;
import fi.hyte.organisation.OrganisationCatalog.SectorSummary;
import fi.hyte.plan.domain.Dimension;
import fi.hyte.plan.domain.Evaluation;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PlanSnapshot;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every plan page needs besides its own content: the plan, the names of people, bodies,
 * sectors and dimensions, today's date in Finnish time and what the user may change.
 */
@Component
class PlanPages {

    private final PlanReading reading;
    private final PlanEditing editing;
    private final OrganisationCatalog organisations;
    private final AuditLog audit;
    private final fi.hyte.platform.AuditWords words;
    private final ZoneId zone;

    PlanPages(
            PlanReading reading,
            PlanEditing editing,
            OrganisationCatalog organisations,
            AuditLog audit,
            fi.hyte.platform.AuditWords words,
            @Value("${hyte.time-zone}") String zone) {
        this.reading = reading;
        this.editing = editing;
        this.organisations = organisations;
        this.audit = audit;
        this.words = words;
        this.zone = ZoneId.of(zone);
    }

    LocalDate today() {
        return LocalDate.now(zone);
    }

    PlanSnapshot snapshot(Tenant tenant, UUID plan) {
        return reading.snapshot(tenant.organisation(), plan);
    }

    /** Loads the plan and puts it with the names and rights every plan page uses into the model. */
    PlanSnapshot prepare(Tenant tenant, UUID plan, Model model) {
        PlanSnapshot snapshot = snapshot(tenant, plan);
        prepare(tenant, snapshot, model);
        return snapshot;
    }

    void prepare(Tenant tenant, PlanSnapshot snapshot, Model model) {
        model.addAttribute("plan", snapshot.plan());
        model.addAttribute("snapshot", snapshot);
        model.addAttribute("dimensionsById", snapshot.dimensions().stream().collect(byId(Dimension::id)));
        names(tenant, model);
        model.addAttribute("today", today());
        model.addAttribute("canCoordinate", tenant.can(Role.COORDINATOR));
        model.addAttribute("canEdit", tenant.can(Role.EDITOR));
        model.addAttribute("ownSector", editing.ownSector(tenant).orElse(null));
    }

    void names(Tenant tenant, Model model) {
        model.addAttribute(
                "peopleById",
                organisations.people(tenant.organisation()).stream().collect(byId(PersonSummary::id)));
        model.addAttribute(
                "bodiesById",
                organisations.bodies(tenant.organisation()).stream().collect(byId(BodySummary::id)));
        model.addAttribute(
                "sectorsById",
                organisations.sectors(tenant.organisation()).stream().collect(byId(SectorSummary::id)));
    }

    /** A year outside the plan's period is no page of it: 404. */
    static void checkYear(PlanSnapshot snapshot, int year) {
        if (!snapshot.plan().covers(year)) {
            throw new NotFoundException("year");
        }
    }

    /** The change history of a goal or measure, with its indicators' and evaluations' changes. */
    String history(Tenant tenant, UUID id, Model model) {
        model.addAttribute(
                "changes",
                words.show(
                        tenant.organisation(),
                        audit.entries(tenant.organisation(), id, 200),
                        org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return "plan/history";
    }

    /**
     * Saves a goal's or measure's evaluation. When someone saved the same year's evaluation meanwhile,
     * nothing is saved: the conflict goes into the model and the form to show again is returned, with
     * the user's input and the version now saved.
     */
    Optional<EvaluationForm> saveEvaluation(
            Tenant tenant, Model model, UUID plan, UUID subject, int year, EvaluationForm form, Evaluation evaluation) {
        try {
            editing.saveEvaluation(tenant, evaluation);
            return Optional.empty();
        } catch (ConcurrentChangeException e) {
            Evaluation now = snapshot(tenant, plan).evaluation(subject, year).orElse(null);
            conflict(tenant, model, subject, now);
            return Optional.of(form.withVersion(now == null ? null : now.id(), now == null ? -1 : now.version()));
        }
    }

    /** A refused save: who saved meanwhile, for the conflict box of components/forms. */
    void conflict(Tenant tenant, Model model, UUID id, Object current) {
        model.addAttribute(
                "conflict",
                audit.history(tenant.organisation(), id, 1).stream()
                        .findFirst()
                        .map(AuditLog.Change::entry)
                        .orElse(null));
        model.addAttribute("conflictCurrent", current);
        model.addAttribute("conflictShown", true);
    }

    private static <T> java.util.stream.Collector<T, ?, Map<UUID, T>> byId(Function<T, UUID> id) {
        return Collectors.toMap(id, Function.identity(), (a, b) -> a, LinkedHashMap::new);
    }
}
