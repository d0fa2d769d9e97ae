package fi.hyte.platform;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the platform needs to know of organisations (names for the switcher, the operator's list),
 * provided by the organisation module so that the platform does not depend on it.
 */
public interface OrganisationDirectory {

    Map<OrganisationId, LocalizedText> namesOf(Collection<OrganisationId> ids);

    List<OrganisationEntry> all();

    Optional<OrganisationEntry> find(OrganisationId id);

    /** An organisation as listed to a system operator. */
    record OrganisationEntry(OrganisationId id, LocalizedText name, String type) {}
}
