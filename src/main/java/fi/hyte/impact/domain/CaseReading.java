package fi.hyte.impact.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fi.hyte.platform.Tenant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a case's whole assessment and runs the cross-check of crossing and accumulating impacts. */
@Service
@Transactional(readOnly = true)
public class CaseReading {

    private final DecisionCases cases;
    private final Preparation preparation;

    CaseReading(DecisionCases cases, Preparation preparation) {
        this.cases = cases;
        this.preparation = preparation;
    }

    /**
     * The case's whole assessment, with the organisation's revision read first: any change committed
     * after that raises the revision, so what is kept by it cannot be older than it.
     */
    public Assessment of(Tenant tenant, UUID id) {
        long revision = cases.revision(tenant.organisation());
        DecisionCase c = preparation.get(tenant, id);
        TemplateContent template = preparation.template(tenant, c);
        return new Assessment(
                c,
                template,
                cases.alternatives(tenant.organisation(), id),
                cases.cells(tenant.organisation(), id),
                cases.hearings(tenant.organisation(), id),
                cases.followUps(tenant.organisation(), id),
                c.screening().evaluate(template),
                revision);
    }

    /**
     * A case with its template and alternatives but without its cells, hearings and follow-ups: what
     * saving one cell needs to check the cell's alternative and row.
     */
    public Assessment withoutCells(Tenant tenant, UUID id) {
        DecisionCase c = preparation.get(tenant, id);
        TemplateContent template = preparation.template(tenant, c);
        return new Assessment(
                c,
                template,
                cases.alternatives(tenant.organisation(), id),
                List.of(),
                List.of(),
                List.of(),
                c.screening().evaluate(template));
    }

    /**
     * A finding of the cross-check: a message key and its arguments (row keys are turned into the
     * template's words by the caller; a case's title is given as is).
     */
    public record Finding(Kind kind, String row, List<String> cases) {
        public enum Kind {
            SEVERAL_PERSPECTIVES,
            ACCUMULATING,
            LARGE_WITHOUT_EVIDENCE,
            NEGATIVE_NOT_HEARD
        }
    }

    /**
     * The cross-check of the proposal (or the chosen alternative): a group hit negatively over both
     * terms or together with another perspective that touches it; a group or area hit by other
     * decisions within the template's window; "large" without evidence; a negative impact on a
     * group that was never heard (neither a hearing of people the row covers nor a hearing attached
     * to the row's cell as evidence).
     */
    public List<Finding> crossCheck(Tenant tenant, Assessment a) {
        if (a.revision() < 0) {
            return check(tenant, a);
        }
        Kept key = new Kept(
                tenant.organisation().value(),
                a.decisionCase().id(),
                a.revision(),
                a.decisionCase().meetingOn() != null ? null : LocalDate.now());
        return kept.get(key, k -> check(tenant, a));
    }

    /**
     * The cross-checks of the latest cases read, by the organisation's revision of its cases (raised
     * by any change to a case, an alternative, a cell or a hearing of the organisation, in the same
     * transaction) and, for a case without a meeting date, by the day its window ends on. A case
     * page viewed again without a change in between costs a look-up of the revision instead of the
     * query across the organisation's other decisions (docs/benchmarks.md, Session 6).
     */
    private final Cache<Kept, List<Finding>> kept =
            Caffeine.newBuilder().maximumSize(1_000).build();

    private record Kept(UUID organisation, UUID caseId, long revision, LocalDate today) {}

    private List<Finding> check(Tenant tenant, Assessment a) {
        List<Finding> findings = new ArrayList<>();
        UUID counted = a.counted().map(Alternative::id).orElse(null);
        if (counted == null) {
            return findings;
        }
        List<Cell> own = a.cells().stream()
                .filter(c -> c.alternativeId().equals(counted))
                .toList();
        Map<String, Set<Cell.Term>> negative = new LinkedHashMap<>();
        for (Cell c : own) {
            if (c.direction() == Cell.Direction.NEGATIVE) {
                negative.computeIfAbsent(c.rowKey(), k -> new LinkedHashSet<>()).add(c.term());
            }
        }
        long negativeIndirect = negative.keySet().stream()
                .filter(row -> a.template().row(row).map(r -> !r.group()).orElse(false))
                .count();
        for (Map.Entry<String, Set<Cell.Term>> e : negative.entrySet()) {
            boolean group =
                    a.template().row(e.getKey()).map(TemplateContent.Row::group).orElse(false);
            if (group && (e.getValue().size() == 2 || negativeIndirect > 0)) {
                findings.add(new Finding(Finding.Kind.SEVERAL_PERSPECTIVES, e.getKey(), List.of()));
            }
        }
        LocalDate around =
                a.decisionCase().meetingOn() != null ? a.decisionCase().meetingOn() : LocalDate.now();
        LocalDate since = around.minusMonths(a.template().accumulationMonths());
        List<String> groupRows = negative.keySet().stream()
                .filter(row ->
                        a.template().row(row).map(TemplateContent.Row::group).orElse(false))
                .toList();
        List<DecisionCases.OtherImpact> elsewhere = cases.negativeElsewhere(
                tenant.organisation(),
                a.decisionCase().id(),
                since,
                groupRows,
                negative.isEmpty() ? List.of() : a.decisionCase().screening().areas());
        for (String row : negative.keySet()) {
            List<String> titles = elsewhere.stream()
                    .filter(o -> row.equals(o.rowKey()))
                    .map(DecisionCases.OtherImpact::title)
                    .distinct()
                    .toList();
            if (!titles.isEmpty()
                    && a.template().row(row).map(TemplateContent.Row::group).orElse(false)) {
                findings.add(new Finding(Finding.Kind.ACCUMULATING, row, titles));
            }
        }
        for (String area : a.decisionCase().screening().areas()) {
            List<String> titles = elsewhere.stream()
                    .filter(o -> o.areas().contains(area))
                    .map(DecisionCases.OtherImpact::title)
                    .distinct()
                    .toList();
            if (!titles.isEmpty() && !negative.isEmpty()) {
                findings.add(new Finding(Finding.Kind.ACCUMULATING, "area:" + area, titles));
            }
        }
        for (Cell c : a.cells()) {
            if (c.magnitude() == Cell.Magnitude.LARGE && !c.hasEvidence()) {
                findings.add(new Finding(Finding.Kind.LARGE_WITHOUT_EVIDENCE, c.rowKey(), List.of()));
            }
        }
        for (String row : negative.keySet()) {
            boolean group =
                    a.template().row(row).map(TemplateContent.Row::group).orElse(false) || row.equals("staff");
            // Heard: a hearing of people the row covers, or a hearing of the case attached to the
            // row's cell as its evidence (whoever was heard there spoke to this row).
            boolean heard = a.hearings().stream().anyMatch(h -> h.who().covers(row))
                    || own.stream()
                            .filter(c -> c.rowKey().equals(row))
                            .flatMap(c -> c.hearingIds().stream())
                            .anyMatch(h -> a.hearings().stream().anyMatch(x -> x.id().equals(h)));
            if (group && !heard) {
                findings.add(new Finding(Finding.Kind.NEGATIVE_NOT_HEARD, row, List.of()));
            }
        }
        return findings.stream().distinct().toList();
    }
}
