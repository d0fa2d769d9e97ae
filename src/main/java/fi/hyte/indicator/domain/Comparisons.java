package fi.hyte.indicator.domain;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.organisation.OrganisationCatalog.OfficialRegion;
import fi.hyte.platform.OrganisationId;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Works out an organisation's comparison regions and suggests peers of its kind and size. */
@Service
public class Comparisons {

    /** Sotkanet's indicator of population at year end, used to suggest peers of similar size. */
    public static final int POPULATION = 127;

    private static final int SUGGESTIONS = 8;

    private final JdbcClient jdbc;
    private final IndicatorRegions regions;
    private final OrganisationCatalog organisations;

    Comparisons(JdbcClient jdbc, IndicatorRegions regions, OrganisationCatalog organisations) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.organisations = organisations;
    }

    public Optional<IndicatorRegion> ownRegion(OrganisationId organisation) {
        return organisations
                .officialRegion(organisation)
                .map(OfficialRegion::sotkanetId)
                .filter(Objects::nonNull)
                .flatMap(regions::find);
    }

    public ComparisonSet of(OrganisationId organisation) {
        IndicatorRegion own = ownRegion(organisation).orElse(null);
        IndicatorRegion county = null;
        IndicatorRegion region = null;
        if (own != null && own.isMunicipality()) {
            county = regions.parentOf(own, "HYVINVOINTIALUE").orElse(null);
            region = regions.parentOf(own, "MAAKUNTA").orElse(null);
        }
        IndicatorRegion country = regions.find(IndicatorRegion.WHOLE_COUNTRY).orElse(null);
        List<IndicatorRegion> peers = jdbc
                .sql("select region_id from comparison_region where organisation_id = ?")
                .param(organisation.value())
                .query(Integer.class)
                .list()
                .stream()
                .map(id -> regions.find(id).orElse(null))
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(r -> r.title().fi()))
                .toList();
        return new ComparisonSet(own, county, region, country, peers);
    }

    public void addPeer(OrganisationId organisation, int region) {
        if (ownRegion(organisation).map(IndicatorRegion::id).orElse(-1) == region) {
            return;
        }
        jdbc.sql("insert into comparison_region (organisation_id, region_id) values (?, ?) on conflict do nothing")
                .params(organisation.value(), region)
                .update();
    }

    public boolean removePeer(OrganisationId organisation, int region) {
        return jdbc.sql("delete from comparison_region where organisation_id = ? and region_id = ?")
                        .params(organisation.value(), region)
                        .update()
                > 0;
    }

    /** Regions that may be chosen as peers: today's municipalities and the wellbeing services counties. */
    public List<IndicatorRegion> choosable() {
        return regions.list().stream()
                .filter(r -> r.category().equals("HYVINVOINTIALUE")
                        || (r.isMunicipality()
                                && regions.parentOf(r, "HYVINVOINTIALUE").isPresent()))
                .sorted(Comparator.comparing((IndicatorRegion r) -> r.category())
                        .thenComparing(r -> r.title().fi()))
                .toList();
    }

    /**
     * Peers to suggest, with why: for a municipality, those of the same municipality group (urban,
     * semi-urban, rural) closest in population; for a county, the counties of the same collaborative
     * area.
     */
    public List<Suggestion> suggestions(OrganisationId organisation) {
        Optional<OfficialRegion> official = organisations.officialRegion(organisation);
        IndicatorRegion own = ownRegion(organisation).orElse(null);
        if (official.isEmpty() || own == null) {
            return List.of();
        }
        List<Integer> chosen = of(organisation).ids();
        if (own.isMunicipality() && official.get().municipalityGroup() != null) {
            Map<Integer, BigDecimal> population = latestPopulation();
            BigDecimal ownSize = population.get(own.id());
            return organisations.municipalitiesInGroup(official.get().municipalityGroup()).stream()
                    .map(OfficialRegion::sotkanetId)
                    .filter(id -> id != null && !chosen.contains(id))
                    .map(id -> regions.find(id).orElse(null))
                    .filter(Objects::nonNull)
                    .sorted(Comparator.comparing(r -> distance(ownSize, population.get(r.id()))))
                    .limit(SUGGESTIONS)
                    .map(r -> new Suggestion(r, "group", population.get(r.id())))
                    .toList();
        }
        if (own.category().equals("HYVINVOINTIALUE")) {
            List<Integer> areas = regions.municipalitiesIn(own.id()).stream()
                    .flatMap(m -> regions.parentOf(m, "YHTEISTYOALUE").stream())
                    .map(IndicatorRegion::id)
                    .distinct()
                    .toList();
            return regions.list().stream()
                    .filter(r -> r.category().equals("HYVINVOINTIALUE") && !chosen.contains(r.id()))
                    .filter(r -> regions.municipalitiesIn(r.id()).stream()
                            .anyMatch(m -> m.memberOf().stream().anyMatch(areas::contains)))
                    .map(r -> new Suggestion(r, "area", null))
                    .toList();
        }
        return List.of();
    }

    private Map<Integer, BigDecimal> latestPopulation() {
        Map<Integer, BigDecimal> population = new HashMap<>();
        jdbc.sql("select distinct on (region_id) region_id, value from indicator_value where indicator_id = ?"
                        + " and gender = 0 and value is not null order by region_id, year desc")
                .param(POPULATION)
                .query((rs, n) -> population.put(rs.getInt(1), rs.getBigDecimal(2)))
                .list();
        return population;
    }

    private static BigDecimal distance(BigDecimal own, BigDecimal other) {
        if (own == null || other == null) {
            return BigDecimal.valueOf(Long.MAX_VALUE);
        }
        return own.subtract(other).abs();
    }

    /** A suggested peer, why it is suggested ("group" or "area") and, for municipalities, its population. */
    public record Suggestion(IndicatorRegion region, String reason, BigDecimal population) {}
}
