package fi.hyte.organisation;

import fi.hyte.organisation.domain.Organisation;
import fi.hyte.organisation.domain.Organisations;
import fi.hyte.organisation.domain.Sectors;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationDirectory;
import fi.hyte.platform.OrganisationId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may read of organisations: names, types, official regions and sectors. */
@Service
@Transactional(readOnly = true)
public class OrganisationCatalog implements OrganisationDirectory {

    private final Organisations organisations;
    private final Sectors sectors;

    OrganisationCatalog(Organisations organisations, Sectors sectors) {
        this.organisations = organisations;
        this.sectors = sectors;
    }

    public Optional<OrganisationSummary> summary(OrganisationId id) {
        return organisations.find(id).map(OrganisationCatalog::summarise);
    }

    public List<SectorSummary> sectors(OrganisationId id) {
        return sectors.of(id).stream()
                .map(s -> new SectorSummary(s.id(), s.name()))
                .toList();
    }

    @Override
    public Map<OrganisationId, LocalizedText> namesOf(Collection<OrganisationId> ids) {
        return organisations.byIds(ids).stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
    }

    @Override
    public List<OrganisationEntry> all() {
        return organisations.all().stream()
                .map(o -> new OrganisationEntry(o.id(), o.name(), o.type().name()))
                .toList();
    }

    @Override
    public Optional<OrganisationEntry> find(OrganisationId id) {
        return organisations
                .find(id)
                .map(o -> new OrganisationEntry(o.id(), o.name(), o.type().name()));
    }

    private static OrganisationSummary summarise(Organisation o) {
        return new OrganisationSummary(
                o.id(),
                o.type().name(),
                o.name(),
                o.regionKind() == null ? null : o.regionKind().name(),
                o.regionCode());
    }

    /** An organisation as other modules see it; the region is its official one (e.g. MUNICIPALITY 245). */
    public record OrganisationSummary(
            OrganisationId id, String type, LocalizedText name, String regionKind, String regionCode) {}

    /** A sector as other modules see it. */
    public record SectorSummary(UUID id, LocalizedText name) {}
}
