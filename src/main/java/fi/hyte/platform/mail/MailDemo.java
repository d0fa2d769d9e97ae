package fi.hyte.platform.mail;

import fi.hyte.platform.DemoContent;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.UserId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With demo data: the demo users get invented addresses ({@code …@kerava.example}, a domain that
 * can never receive mail), the viewer (management) is named for the monthly summary, and this
 * week's digests and this month's summary are built, so that the administrators' mail page shows
 * what would have been sent. A second start adds nothing (the runs are recorded once per period).
 */
@Component
class MailDemo implements DemoContent {

    private static final Map<String, String> ADDRESSES = Map.of(
            "admin", "aino.yllapitaja@kerava.example",
            "koordinaattori", "laura.nieminen@kerava.example",
            "toimittaja", "sari.makinen@kerava.example",
            "katselija", "eero.heinonen@kerava.example",
            "hva-koordinaattori", "maria.salonen@vakehyva.example");

    private final JdbcClient jdbc;
    private final MailSettings settings;
    private final MailRuns runs;
    private final ZoneId zone;

    MailDemo(JdbcClient jdbc, MailSettings settings, MailRuns runs, @Value("${hyte.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.runs = runs;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public void seed() {
        ADDRESSES.forEach((username, address) -> jdbc.sql(
                        "update app_user set email = ? where lower(username) = ? and email is null")
                .params(address, username)
                .update());
        LocalDate today = LocalDate.now(zone);
        // The demo organisations are those of the demo administrator.
        List<OrganisationId> demo = jdbc.sql("select m.organisation_id from membership m join app_user u on"
                        + " u.id = m.user_id where lower(u.username) = 'admin' order by m.organisation_id")
                .query((rs, i) -> new OrganisationId(rs.getObject(1, UUID.class)))
                .list();
        for (OrganisationId id : demo) {
            if (settings.managementRecipients(id).isEmpty()) {
                List<UserId> viewer = jdbc.sql("select u.id from app_user u join membership m on m.user_id = u.id"
                                + " where m.organisation_id = ? and lower(u.username) = 'katselija'")
                        .param(id.value())
                        .query((rs, i) -> new UserId(rs.getObject(1, UUID.class)))
                        .list();
                if (!viewer.isEmpty()) {
                    settings.setManagementRecipients(id, viewer);
                }
            }
            runs.digest(id, today);
            runs.summary(id, today);
        }
    }
}
