package fi.hyte.plan.web;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.organisation.OrganisationCatalog.PersonSummary;
import fi.hyte.plan.domain.Finding;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PlanReading.PlanProgress;
import fi.hyte.plan.domain.PlanSnapshot;
import fi.hyte.plan.domain.SectorShare;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Tenant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The plan seen from different sides: progress for management, gaps, reminders, each sector's share
 * (what it carries into its budget and operating plan) and the signed-in person's own responsibilities.
 */
@Controller
@RequestMapping("/plan")
class PlanViewController {

    private final PlanReading reading;
    private final PlanPages pages;
    private final OrganisationCatalog organisations;

    PlanViewController(PlanReading reading, PlanPages pages, OrganisationCatalog organisations) {
        this.reading = reading;
        this.pages = pages;
        this.organisations = organisations;
    }

    @GetMapping("/{plan}/progress")
    String progress(Tenant tenant, @PathVariable UUID plan, Model model) {
        PlanSnapshot snapshot = pages.prepare(tenant, plan, model);
        PlanProgress progress = reading.progress(tenant.organisation(), snapshot, pages.today());
        model.addAttribute("progress", progress);
        model.addAttribute("indicatorsById", reading.indicatorsOf(tenant.organisation(), snapshot));
        model.addAttribute("goalsInOrder", PlanReading.goalsInOrder(snapshot));
        progress.evaluationYear().ifPresent(year -> {
            model.addAttribute("evaluationYear", year);
            model.addAttribute("evaluated", progress.evaluated(year));
        });
        return "plan/progress";
    }

    @GetMapping("/{plan}/gaps")
    String gaps(Tenant tenant, @PathVariable UUID plan, Model model) {
        PlanSnapshot snapshot = pages.prepare(tenant, plan, model);
        model.addAttribute("findings", reading.gaps(snapshot, pages.today()));
        model.addAttribute("mode", "gaps");
        return "plan/findings";
    }

    @GetMapping("/{plan}/reminders")
    String reminders(Tenant tenant, @PathVariable UUID plan, Model model) {
        PlanSnapshot snapshot = pages.prepare(tenant, plan, model);
        PlanProgress progress = reading.progress(tenant.organisation(), snapshot, pages.today());
        model.addAttribute("findings", reading.reminders(progress, pages.today()));
        model.addAttribute("indicatorsById", reading.indicatorsOf(tenant.organisation(), snapshot));
        model.addAttribute("mode", "reminders");
        return "plan/findings";
    }

    @GetMapping("/{plan}/sectors")
    String sectors(Tenant tenant, @PathVariable UUID plan, Model model) {
        PlanSnapshot snapshot = pages.prepare(tenant, plan, model);
        List<SectorShare> shares = new ArrayList<>();
        for (OrganisationCatalog.SectorSummary sector : organisations.sectors(tenant.organisation())) {
            shares.add(SectorShare.of(snapshot, sector.id()));
        }
        shares.add(SectorShare.of(snapshot, null));
        model.addAttribute("shares", shares);
        return "plan/sectors";
    }

    @GetMapping("/{plan}/sectors/{sector}")
    String sector(Tenant tenant, @PathVariable UUID plan, @PathVariable UUID sector, Model model) {
        PlanSnapshot snapshot = pages.prepare(tenant, plan, model);
        if (organisations.sectors(tenant.organisation()).stream().noneMatch(s -> s.id().equals(sector))) {
            throw new NotFoundException("sector");
        }
        model.addAttribute("sectorId", sector);
        model.addAttribute("share", SectorShare.of(snapshot, sector));
        model.addAttribute(
                "byGoal", byGoal(snapshot, SectorShare.of(snapshot, sector).responsible()));
        model.addAttribute(
                "partnerIn",
                snapshot.measures().stream()
                        .filter(m -> m.partnerSectorIds().contains(sector))
                        .toList());
        model.addAttribute("reminders", remindersOf(tenant, snapshot, f -> sector.equals(f.sectorId()), model));
        return "plan/sector";
    }

    /** The signed-in person's own goals and measures in the current plan. */
    @GetMapping("/mine")
    String mineInCurrent(Tenant tenant) {
        return reading.current(tenant.organisation(), pages.today())
                .map(p -> "redirect:/plan/" + p.id() + "/mine")
                .orElse("redirect:/plan/plans");
    }

    @GetMapping("/{plan}/mine")
    String mine(Tenant tenant, @PathVariable UUID plan, Model model) {
        PlanSnapshot snapshot = pages.prepare(tenant, plan, model);
        Optional<PersonSummary> me =
                tenant.user() == null ? Optional.empty() : organisations.personOf(tenant.organisation(), tenant.user());
        model.addAttribute("me", me.orElse(null));
        if (me.isPresent()) {
            UUID person = me.get().id();
            List<Goal> goals = PlanReading.goalsInOrder(snapshot).stream()
                    .filter(g -> person.equals(g.ownerPersonId()))
                    .toList();
            List<Measure> measures = PlanReading.measuresInOrder(snapshot).stream()
                    .filter(m -> person.equals(m.ownerPersonId()))
                    .toList();
            Set<UUID> mine = new java.util.HashSet<>();
            goals.forEach(g -> mine.add(g.id()));
            measures.forEach(m -> mine.add(m.id()));
            model.addAttribute("myGoals", goals);
            model.addAttribute("myMeasures", measures);
            model.addAttribute("reminders", remindersOf(tenant, snapshot, f -> mine.contains(f.subjectId()), model));
            UUID sector = me.get().sectorId();
            model.addAttribute(
                    "sectorMeasures",
                    sector == null
                            ? List.of()
                            : PlanReading.measuresInOrder(snapshot).stream()
                                    .filter(m -> sector.equals(m.sectorId()) && !person.equals(m.ownerPersonId()))
                                    .toList());
        }
        return "plan/mine";
    }

    private List<Finding> remindersOf(
            Tenant tenant, PlanSnapshot snapshot, java.util.function.Predicate<Finding> concerns, Model model) {
        model.addAttribute("indicatorsById", reading.indicatorsOf(tenant.organisation(), snapshot));
        PlanProgress progress = reading.progress(tenant.organisation(), snapshot, pages.today());
        return reading.reminders(progress, pages.today()).stream()
                .filter(concerns)
                .toList();
    }

    private static Map<Goal, List<Measure>> byGoal(PlanSnapshot snapshot, List<Measure> measures) {
        Map<Goal, List<Measure>> grouped = new LinkedHashMap<>();
        for (Goal goal : PlanReading.goalsInOrder(snapshot)) {
            List<Measure> of =
                    measures.stream().filter(m -> m.goalId().equals(goal.id())).toList();
            if (!of.isEmpty()) {
                grouped.put(goal, of);
            }
        }
        return grouped;
    }
}
