package fi.hyte.participation.domain;

import fi.hyte.platform.mail.MailKind;
import fi.hyte.platform.mail.MailLine;
import fi.hyte.platform.mail.Outbox;
import fi.hyte.platform.mail.ResidentNotice;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * "The results are out": when a consultation is concluded (every item answered, so its "you said,
 * we did" page is complete), each address a resident left gets one message in the language they
 * answered in, with the link to that page, and the address is deleted in the same transaction. The
 * addresses are used for nothing else. While the public page cannot be opened (site offline or the
 * consultation unpublished) nothing is sent and the addresses wait, until the 12-month purge.
 */
@Component
class ResultsMail {

    private final Retention retention;
    private final PublicSites sites;
    private final Outbox outbox;

    ResultsMail(Retention retention, PublicSites sites, Outbox outbox) {
        this.retention = retention;
        this.sites = sites;
        this.outbox = outbox;
    }

    /** Queues the messages in the caller's transaction; how many were queued. */
    @Transactional(propagation = Propagation.MANDATORY)
    int resultsOut(Consultation c) {
        Optional<PublicSite> site = sites.of(c.organisation()).filter(PublicSite::online);
        if (site.isEmpty() || !c.published()) {
            return 0;
        }
        int queued = 0;
        for (Retention.Address address : retention.useAddresses(c.organisation(), c.id())) {
            String path = "/o/" + site.get().slug() + "/" + address.language() + "/consultations/" + c.id() + "/we-did";
            queued += outbox.queue(new ResidentNotice(
                                    c.organisation(),
                                    address.email(),
                                    address.language(),
                                    MailKind.RESULTS_PUBLISHED,
                                    MailLine.of("participation.resultsMail.subject", null, c.title()),
                                    List.of(MailLine.of("participation.resultsMail.line", path, c.title())),
                                    path))
                            .isPresent()
                    ? 1
                    : 0;
        }
        return queued;
    }
}
