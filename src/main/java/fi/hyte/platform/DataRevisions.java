package fi.hyte.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organisations' data revisions: each organisation's number is raised by the database in the
 * same transaction as any change to the data its pages compose from (a trigger on each module's
 * tables, V20261211_1), and one shared number by any change to what every organisation shares
 * (THL's values and regions, the organisations themselves). Read them before reading the data:
 * whatever is composed from what was read afterwards is at least as new as these revisions, so it
 * may be kept under them and shown again for as long as they are the same.
 */
@Component
public class DataRevisions {

    /** The row of the data every organisation shares. */
    public static final UUID SHARED = new UUID(0, 0);

    /**
     * The revisions of these organisations and of the shared data, by organisation id (SHARED for
     * the shared data); 0 for one whose data has not changed since the revisions began. Equal
     * values mean that nothing of theirs has changed in between.
     */
    public record Revisions(Map<UUID, Long> byOrganisation) {

        public Revisions {
            byOrganisation = Collections.unmodifiableMap(new TreeMap<>(byOrganisation));
        }

        /** The shared data's revision alone. */
        public Revisions sharedOnly() {
            return new Revisions(Map.of(SHARED, shared()));
        }

        public long shared() {
            return byOrganisation.getOrDefault(SHARED, 0L);
        }

        public long of(OrganisationId organisation) {
            return byOrganisation.getOrDefault(organisation.value(), 0L);
        }
    }

    private final JdbcClient jdbc;

    DataRevisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Revisions of(OrganisationId organisation) {
        return of(List.of(organisation));
    }

    public Revisions of(Collection<OrganisationId> organisations) {
        Set<UUID> ids = new LinkedHashSet<>();
        ids.add(SHARED);
        organisations.forEach(o -> ids.add(o.value()));
        Map<UUID, Long> revisions = new TreeMap<>();
        ids.forEach(id -> revisions.put(id, 0L));
        jdbc.sql("select organisation_id, revision from data_revision where organisation_id = any(?)")
                .param(new ArrayList<>(ids).toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list()
                .forEach(e -> revisions.put(e.getKey(), e.getValue()));
        return new Revisions(revisions);
    }
}
