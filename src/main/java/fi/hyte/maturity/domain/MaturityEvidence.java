package fi.hyte.maturity.domain;

import fi.hyte.maturity.domain.Evidence.Observation;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.organisation.OrganisationCatalog.GroupComposition;
import fi.hyte.platform.OrganisationId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Derives, for each criterion of the Promeq model, a suggested level from what Hyte already knows,
 * so that the self-assessment can be set beside observable facts. The rules (docs/maturity-evidence.md):
 *
 * <ul>
 *   <li><b>strategy</b> (how broadly the strategy is prepared), from the wellbeing group: no group →
 *       1; a group not covering every sector → 2; every sector → 3; every sector and at least two
 *       kinds of outside parties (parish, NGOs, residents, county …) → 4.
 *   <li><b>collaboration</b>, <b>goals</b>, <b>concept</b> and <b>inequality</b> need the wellbeing
 *       plan's goals and measures (shared responsibility, measures and targets, wellbeing dimensions,
 *       inequality focus). Until the plan is kept in Hyte they say "no data yet" rather than guess.
 * </ul>
 */
@Component
public class MaturityEvidence {

    private final OrganisationCatalog organisations;

    MaturityEvidence(OrganisationCatalog organisations) {
        this.organisations = organisations;
    }

    public Evidence of(OrganisationId organisation, String criterion) {
        return switch (criterion) {
            case "strategy" -> strategy(organisations.groupComposition(organisation));
            case "collaboration", "goals", "concept", "inequality" -> Evidence.noDataYet("evidence.needsPlan");
            default -> Evidence.noDataYet("evidence.unknownCriterion");
        };
    }

    static Evidence strategy(GroupComposition group) {
        List<Observation> observations = new ArrayList<>();
        if (!group.exists()) {
            observations.add(new Observation("evidence.noGroup"));
            return new Evidence(1, observations, null);
        }
        observations.add(new Observation("evidence.groupSectors", group.sectorsRepresented(), group.sectors()));
        observations.add(new Observation(
                "evidence.outsideKinds", group.outsidePartyKinds().size()));
        int level;
        boolean allSectors = group.sectors() > 0 && group.sectorsRepresented() == group.sectors();
        if (allSectors && group.outsidePartyKinds().size() >= 2) {
            level = 4;
        } else if (allSectors) {
            level = 3;
        } else {
            level = 2;
        }
        return new Evidence(level, observations, null);
    }
}
