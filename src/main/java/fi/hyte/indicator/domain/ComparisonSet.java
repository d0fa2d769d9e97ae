package fi.hyte.indicator.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The regions an organisation looks at: its own, by default its wellbeing services county, its
 * region (maakunta) and the whole country, and the peers it has chosen. Any of the defaults may be
 * missing (a county has no county above it).
 */
public record ComparisonSet(
        IndicatorRegion own,
        IndicatorRegion county,
        IndicatorRegion region,
        IndicatorRegion country,
        List<IndicatorRegion> peers) {

    /** Own first, then the defaults, then the peers; each once. */
    public List<IndicatorRegion> all() {
        LinkedHashSet<IndicatorRegion> all = new LinkedHashSet<>();
        for (IndicatorRegion r : new IndicatorRegion[] {own, county, region, country}) {
            if (r != null) {
                all.add(r);
            }
        }
        all.addAll(peers);
        return new ArrayList<>(all);
    }

    /**
     * A county (or a region) is compared with its own municipalities and the country, not with a
     * county above it, which it does not have.
     */
    public boolean comparesMunicipalities() {
        return own != null && !own.isMunicipality() && !own.category().equals("MAA");
    }

    public List<Integer> ids() {
        return all().stream().map(IndicatorRegion::id).toList();
    }

    /** Own and the peers of the same category: those a rank is counted among. */
    public List<IndicatorRegion> rankable() {
        List<IndicatorRegion> list = new ArrayList<>();
        if (own != null) {
            list.add(own);
            peers.stream().filter(p -> p.category().equals(own.category())).forEach(list::add);
        }
        return list;
    }
}
