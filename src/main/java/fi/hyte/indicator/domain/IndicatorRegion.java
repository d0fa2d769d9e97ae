package fi.hyte.indicator.domain;

import fi.hyte.platform.LocalizedText;
import java.util.List;

/** A Sotkanet region: a municipality, wellbeing services county, region, the whole country, ... */
public record IndicatorRegion(int id, String code, String category, LocalizedText title, List<Integer> memberOf) {

    public static final int WHOLE_COUNTRY = 658;

    public boolean isMunicipality() {
        return "KUNTA".equals(category);
    }
}
