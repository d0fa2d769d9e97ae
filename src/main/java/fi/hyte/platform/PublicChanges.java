package fi.hyte.platform;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The organisations' publication version in this application: every change that may show on a
 * public page (each audited change, each import of indicator values) counts here once it is
 * committed, so that public pages kept in memory ({@code platform.web.KeptPages}) are asked again.
 * A change on another node is not seen here: what is kept is asked again after a short while anyway.
 */
@Component
public class PublicChanges {

    private static final Object PENDING = PublicChanges.class.getName() + ".pending";

    private final AtomicLong changes = new AtomicLong();
    private final ConcurrentHashMap<OrganisationId, Long> lastChange = new ConcurrentHashMap<>();
    private volatile long lastChangeOfAll;

    /**
     * The organisation (null: every organisation) changed what its public pages may show: counted
     * when the current transaction ends (once per transaction and organisation), or now without one.
     */
    public void changed(OrganisationId organisation) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count(organisation);
            return;
        }
        @SuppressWarnings("unchecked")
        Set<Optional<OrganisationId>> pending =
                (Set<Optional<OrganisationId>>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            Set<Optional<OrganisationId>> fresh = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(PENDING, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                    fresh.forEach(o -> count(o.orElse(null)));
                }
            });
            pending = fresh;
        }
        pending.add(Optional.ofNullable(organisation));
    }

    private void count(OrganisationId organisation) {
        long n = changes.incrementAndGet();
        if (organisation == null) {
            lastChangeOfAll = n;
        } else {
            lastChange.merge(organisation, n, Math::max);
        }
    }

    /** The number of the latest change counted: read it before reading what a page shows. */
    public long now() {
        return changes.get();
    }

    /** Whether the organisation's pages may have changed since {@link #now()} answered {@code since}. */
    public boolean changedSince(OrganisationId organisation, long since) {
        return Math.max(lastChangeOfAll, lastChange.getOrDefault(organisation, 0L)) > since;
    }
}
