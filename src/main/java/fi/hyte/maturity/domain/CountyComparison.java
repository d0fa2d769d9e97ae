package fi.hyte.maturity.domain;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationDirectory.OrganisationEntry;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comparing agreed maturity levels with the other organisations of the same wellbeing services
 * county. Only organisations that chose to share take part, and only they see the others; an
 * organisation appears by name only if it allowed that, otherwise as "Organisation A", "B" …
 */
@Service
@Transactional
public class CountyComparison {

    private final JdbcClient jdbc;
    private final OrganisationCatalog organisations;
    private final AuditLog audit;

    CountyComparison(JdbcClient jdbc, OrganisationCatalog organisations, AuditLog audit) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** An organisation's choice. */
    public record Sharing(boolean shares, boolean showsName, int version) {}

    /** One other organisation's latest agreed levels; {@code name} is null when anonymised. */
    public record Peer(LocalizedText name, String alias, LocalDate assessedOn, Map<String, Integer> levels) {}

    @Transactional(readOnly = true)
    public Sharing sharing(OrganisationId organisation) {
        return jdbc.sql("select shares, shows_name, version from maturity_sharing where organisation_id = ?")
                .param(organisation.value())
                .query(Sharing.class)
                .optional()
                .orElse(new Sharing(false, false, -1));
    }

    public void choose(Tenant tenant, boolean shares, boolean showsName, int version) {
        tenant.require(Role.COORDINATOR);
        Sharing before = sharing(tenant.organisation());
        int rows = before.version() < 0
                ? jdbc.sql("insert into maturity_sharing (organisation_id, shares, shows_name) values (?, ?, ?)"
                                + " on conflict (organisation_id) do nothing")
                        .params(tenant.organisation().value(), shares, shares && showsName)
                        .update()
                : jdbc.sql("update maturity_sharing set shares = ?, shows_name = ?, updated_at = now(),"
                                + " version = version + 1 where organisation_id = ? and version = ?")
                        .params(
                                shares,
                                shares && showsName,
                                tenant.organisation().value(),
                                version)
                        .update();
        if (rows == 0) {
            throw new ConcurrentChangeException("sharing");
        }
        audit.updated(tenant, "maturitySharing", tenant.organisation(), before, sharing(tenant.organisation()));
    }

    /** The peers this organisation may see: empty unless it shares, and only others that share. */
    @Transactional(readOnly = true)
    public List<Peer> peers(OrganisationId organisation) {
        if (!sharing(organisation).shares()) {
            return List.of();
        }
        Optional<String> county = organisations.countyOf(organisation);
        if (county.isEmpty()) {
            return List.of();
        }
        List<OrganisationEntry> others = organisations.inCounty(county.get()).stream()
                .filter(o -> !o.id().equals(organisation))
                .sorted(Comparator.comparing(o -> o.id().value()))
                .toList();
        List<Peer> peers = new ArrayList<>();
        char alias = 'A';
        for (OrganisationEntry other : others) {
            Sharing choice = sharing(other.id());
            if (!choice.shares()) {
                continue;
            }
            Optional<LatestRound> latest = latestClosed(other.id());
            if (latest.isEmpty()) {
                continue;
            }
            Map<String, Integer> levels = jdbc
                    .sql("select criterion, level from maturity_consensus where organisation_id = ? and round_id = ?")
                    .params(other.id().value(), latest.get().id())
                    .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            peers.add(new Peer(
                    choice.showsName() ? other.name() : null,
                    String.valueOf(alias++),
                    latest.get().assessedOn(),
                    levels));
        }
        return peers;
    }

    private Optional<LatestRound> latestClosed(OrganisationId organisation) {
        return jdbc.sql("select id, assessed_on from maturity_round where organisation_id = ? and status = 'CLOSED'"
                        + " and model_id = ? order by assessed_on desc limit 1")
                .params(organisation.value(), MaturityModels.PROMEQ)
                .query(LatestRound.class)
                .optional();
    }

    private record LatestRound(java.util.UUID id, LocalDate assessedOn) {}
}
