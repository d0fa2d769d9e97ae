package fi.hyte.participation.domain;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.IndicatorCatalog.IndicatorInfo;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.plan.PlanCatalog.GoalInfo;
import fi.hyte.plan.PlanCatalog.GoalStanding;
import fi.hyte.plan.PlanCatalog.MeasureInfo;
import fi.hyte.plan.PlanCatalog.PlanContent;
import fi.hyte.plan.PlanCatalog.PlanStanding;
import fi.hyte.plan.PlanCatalog.TargetStanding;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a coordinator does to the public site: its settings, publishing and withdrawing the plan and
 * a year's evaluations, choosing the key indicators. Each change is audited and moves the site's
 * publication version, in the same transaction.
 */
@Service
@Transactional
public class Publishing {

    private final PublicSites sites;
    private final Publications publications;
    private final PlanCatalog plans;
    private final IndicatorCatalog indicators;
    private final OrganisationCatalog organisations;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    Publishing(
            PublicSites sites,
            Publications publications,
            PlanCatalog plans,
            IndicatorCatalog indicators,
            OrganisationCatalog organisations,
            AuditLog audit,
            JdbcClient jdbc) {
        this.sites = sites;
        this.publications = publications;
        this.plans = plans;
        this.indicators = indicators;
        this.organisations = organisations;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * Creates the site (version −1 or none yet) or saves it if nobody changed it meanwhile. A slug
     * another organisation uses fails with DuplicateKeyException and changes nothing.
     */
    public void save(Tenant tenant, PublicSite changed) {
        tenant.require(Role.COORDINATOR);
        Optional<PublicSite> before = sites.of(tenant.organisation());
        PublicSite site = withOrganisation(
                changed, tenant.organisation(), before.map(PublicSite::example).orElse(false));
        if (before.isEmpty()) {
            sites.insert(site, tenant.userName());
            audit.created(tenant, "publicSite", tenant.organisation().value(), site);
            return;
        }
        if (!sites.update(site, tenant.userName())) {
            throw new ConcurrentChangeException("Public site");
        }
        audit.updated(tenant, "publicSite", tenant.organisation().value(), before.get(), site);
    }

    /** Marks the organisation bilingual (Finnish and Swedish) or not. */
    public void setBilingual(Tenant tenant, boolean bilingual) {
        tenant.require(Role.COORDINATOR);
        if (sites.bilingual(tenant.organisation()) != bilingual) {
            sites.setBilingual(tenant.organisation(), bilingual);
            audit.updated(
                    tenant,
                    "publicSite",
                    tenant.organisation().value(),
                    Map.of("bilingual", !bilingual),
                    Map.of("bilingual", bilingual));
        }
    }

    /** Seeds an example site (the demo's), which says on every page that it is an example. */
    public void seedExample(Tenant tenant, PublicSite site) {
        PublicSite example = withOrganisation(site, tenant.organisation(), true);
        jdbc.sql("delete from public_site where organisation_id = ?")
                .param(tenant.organisation().value())
                .update();
        sites.insert(example, tenant.userName());
        jdbc.sql("update public_site set example = true where organisation_id = ?")
                .param(tenant.organisation().value())
                .update();
        audit.created(tenant, "publicSite", tenant.organisation().value(), example);
    }

    /** Publishes the plan as it stands today, replacing any plan published before. */
    public PublishedPlan publishPlan(Tenant tenant, UUID plan, LocalDate today) {
        tenant.require(Role.COORDINATOR);
        lockSite(tenant.organisation());
        PlanContent content =
                plans.content(tenant.organisation(), plan).orElseThrow(() -> new NotFoundException("Plan"));
        PlanStanding standing =
                plans.progress(tenant.organisation(), plan, today).orElseThrow(() -> new NotFoundException("Plan"));
        PublishedPlan published = snapshot(tenant.organisation(), content, standing, today);
        Optional<PublishedPlan> before = publications.plan(tenant.organisation());
        publications.putPlan(tenant.organisation(), published, tenant.userName());
        sites.published(tenant.organisation());
        audit.updated(
                tenant, "publicPlan", plan, before.map(Publishing::summary).orElse(null), summary(published));
        return published;
    }

    public void withdrawPlan(Tenant tenant, UUID plan) {
        tenant.require(Role.COORDINATOR);
        lockSite(tenant.organisation());
        ownPlan(tenant, plan);
        if (!publications.planId(tenant.organisation()).map(plan::equals).orElse(false)) {
            return;
        }
        PublishedPlan before = publications.plan(tenant.organisation()).orElseThrow();
        publications.removePlan(tenant.organisation());
        sites.published(tenant.organisation());
        audit.deleted(tenant, "publicPlan", plan, summary(before));
    }

    /** Publishes a year's evaluations of a plan; false when the plan has none that year. */
    public boolean publishEvaluations(Tenant tenant, UUID plan, int year) {
        tenant.require(Role.COORDINATOR);
        lockSite(tenant.organisation());
        ownPlan(tenant, plan);
        List<PublishedEvaluations.Item> items = plans.evaluations(tenant.organisation(), plan, year).stream()
                .map(e -> new PublishedEvaluations.Item(e.ref(), e.title(), e.goal(), e.realised(), e.assessment()))
                .toList();
        if (items.isEmpty()) {
            return false;
        }
        publications.putEvaluations(
                tenant.organisation(), plan, new PublishedEvaluations(year, items), tenant.userName());
        sites.published(tenant.organisation());
        audit.created(tenant, "publicEvaluations", plan + "/" + year, Map.of("year", year, "items", items.size()));
        return true;
    }

    public void withdrawEvaluations(Tenant tenant, UUID plan, int year) {
        tenant.require(Role.COORDINATOR);
        lockSite(tenant.organisation());
        ownPlan(tenant, plan);
        if (publications.removeEvaluations(tenant.organisation(), plan, year)) {
            sites.published(tenant.organisation());
            audit.deleted(tenant, "publicEvaluations", plan + "/" + year, Map.of("year", year));
        }
    }

    /** Adds a key indicator the organisation sees; false when the site already shows twelve or this one. */
    public boolean addIndicator(Tenant tenant, int indicator) {
        tenant.require(Role.COORDINATOR);
        lockSite(tenant.organisation());
        IndicatorInfo info =
                indicators.find(tenant.organisation(), indicator).orElseThrow(() -> new NotFoundException("Indicator"));
        if (!publications.addIndicator(tenant.organisation(), info.id())) {
            return false;
        }
        sites.published(tenant.organisation());
        audit.created(tenant, "publicIndicator", info.id(), Map.of("indicator", info.code()));
        return true;
    }

    public void removeIndicator(Tenant tenant, int indicator) {
        tenant.require(Role.COORDINATOR);
        if (!publications.indicators(tenant.organisation()).contains(indicator)) {
            throw new NotFoundException("Key indicator");
        }
        lockSite(tenant.organisation());
        if (!publications.removeIndicator(tenant.organisation(), indicator)) {
            throw new NotFoundException("Key indicator");
        }
        sites.published(tenant.organisation());
        audit.deleted(tenant, "publicIndicator", indicator, Map.of("indicator", indicator));
    }

    /** Publications wait for the site's settings; parallel ones queue on its row. */
    private void lockSite(OrganisationId organisation) {
        jdbc.sql("select organisation_id from public_site where organisation_id = ? for update")
                .param(organisation.value())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new SiteMissingException());
    }

    private void ownPlan(Tenant tenant, UUID plan) {
        if (plans.plans(tenant.organisation()).stream().noneMatch(p -> p.id().equals(plan))) {
            throw new NotFoundException("Plan");
        }
    }

    private static PublicSite withOrganisation(PublicSite s, OrganisationId organisation, boolean example) {
        return new PublicSite(
                organisation,
                s.slug(),
                s.online(),
                example,
                s.summary(),
                s.contact(),
                s.contactEmail(),
                s.contactPhone(),
                s.privacy(),
                s.accessibilityStatus(),
                s.accessibilityGaps(),
                s.accessibilityFeedback(),
                s.accessibilityCheckedOn(),
                s.publicationVersion(),
                s.version());
    }

    private PublishedPlan snapshot(
            OrganisationId organisation, PlanContent content, PlanStanding standing, LocalDate today) {
        Map<UUID, LocalizedText> sectorNames = organisations.sectors(organisation).stream()
                .collect(Collectors.toMap(
                        OrganisationCatalog.SectorSummary::id, OrganisationCatalog.SectorSummary::name));
        Set<Integer> indicatorIds = content.lines().stream()
                .flatMap(l -> l.goals().stream())
                .flatMap(g -> g.targets().stream())
                .map(t -> t.indicatorId())
                .collect(Collectors.toSet());
        Map<Integer, IndicatorInfo> indicatorInfo = indicators.findAll(organisation, indicatorIds).stream()
                .collect(Collectors.toMap(IndicatorInfo::id, Function.identity()));
        List<PublishedPlan.Line> lines = new ArrayList<>();
        for (var line : content.lines()) {
            List<PublishedPlan.Goal> goals = new ArrayList<>();
            for (GoalInfo g : line.goals()) {
                GoalStanding judged = standing.goal(g.id()).orElse(null);
                List<PublishedPlan.Target> targets = judged == null
                        ? List.of()
                        : judged.targets().stream()
                                .map(t -> target(t, indicatorInfo.get(t.target().indicatorId())))
                                .toList();
                List<PublishedPlan.Measure> measures =
                        g.measures().stream().map(m -> measure(m, sectorNames)).toList();
                goals.add(new PublishedPlan.Goal(
                        g.ref(),
                        g.title(),
                        g.description(),
                        judged == null ? "NO_TARGET" : judged.status(),
                        targets,
                        measures));
            }
            lines.add(new PublishedPlan.Line(line.ref(), line.title(), line.description(), goals));
        }
        return new PublishedPlan(
                content.plan().id(),
                content.plan().title(),
                content.plan().firstYear(),
                content.plan().lastYear(),
                content.plan().example(),
                today,
                standing.percentDone(),
                standing.goalsByStatus(),
                standing.measuresByStatus(),
                lines);
    }

    private static PublishedPlan.Target target(TargetStanding t, IndicatorInfo info) {
        var target = t.target();
        return new PublishedPlan.Target(
                target.indicatorId(),
                info == null ? new LocalizedText(String.valueOf(target.indicatorId()), null, null) : info.title(),
                info == null ? new LocalizedText(null, null, null) : info.unit(),
                target.gender(),
                target.baselineYear(),
                target.baselineValue(),
                target.targetYear(),
                target.targetValue(),
                t.latestYear(),
                t.latestValue(),
                t.status());
    }

    private static PublishedPlan.Measure measure(MeasureInfo m, Map<UUID, LocalizedText> sectors) {
        return new PublishedPlan.Measure(
                m.ref(),
                m.title(),
                m.status(),
                m.progress(),
                m.sectorId() == null ? null : sectors.get(m.sectorId()),
                m.startsOn(),
                m.endsOn());
    }

    private static Map<String, Object> summary(PublishedPlan p) {
        return Map.of(
                "plan", p.planId().toString(),
                "asOf", p.asOf().toString(),
                "goals", p.goalCount(),
                "measures", p.measureCount());
    }

    /** A publication before the site's settings were saved once. */
    public static class SiteMissingException extends RuntimeException {
        SiteMissingException() {
            super("The public site has not been set up");
        }
    }
}
