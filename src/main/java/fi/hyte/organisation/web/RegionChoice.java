package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.Region;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.organisation.domain.Regions;
import java.util.Optional;
import org.springframework.validation.BindingResult;

/** The official region chosen in a form, written as KIND:code (e.g. MUNICIPALITY:245) or empty. */
final class RegionChoice {

    private RegionChoice() {}

    /** The region, or empty when none was chosen; an unknown one is reported on the form's region field. */
    static Optional<Region> resolve(String choice, Regions regions, BindingResult errors) {
        if (errors.hasFieldErrors("region") || choice == null || choice.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = choice.split(":");
        Optional<Region> region = regions.find(RegionKind.valueOf(parts[0]), parts[1]);
        if (region.isEmpty()) {
            errors.rejectValue("region", "organisation.region.unknown");
        }
        return region;
    }
}
