package fi.hyte.platform.mail;

import fi.hyte.platform.OrganisationId;
import java.time.LocalDate;
import java.util.List;

/** A module's part of the monthly summary for management (the plan's progress at a glance). */
public interface SummaryContent {

    List<MailSection> summary(OrganisationId organisation, LocalDate today);
}
