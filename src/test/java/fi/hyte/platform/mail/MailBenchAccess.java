package fi.hyte.platform.mail;

import fi.hyte.platform.OrganisationId;
import java.time.LocalDate;
import org.springframework.context.ApplicationContext;

/** The mail module's internal steps, for the benchmark in {@code fi.hyte.bench}. */
public final class MailBenchAccess {

    private MailBenchAccess() {}

    /** Builds the organisation's weekly digests; the number queued. */
    public static int digest(ApplicationContext app, OrganisationId organisation, LocalDate today) {
        return app.getBean(MailRuns.class).digest(organisation, today).queued();
    }

    /** Sends everything due; the number sent. */
    public static int sendDue(ApplicationContext app) {
        return app.getBean(MailDelivery.class).sendDue();
    }
}
