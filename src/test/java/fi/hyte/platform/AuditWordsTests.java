package fi.hyte.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log is for people: a save that changed nothing writes nothing, and fields have names. */
@HyteSpringTest
class AuditWordsTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void saveThatChangesNothingWritesNoEntryAndAChangeNamesItsFieldInWords() {
        var org = fixtures.organisation("loki" + Long.toString(System.nanoTime(), 36));
        WebSession admin = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        int before = entries(org.id());
        Map<String, String> same = Map.of(
                "type", "MUNICIPALITY", "nameFi", org.prefix() + " kunta", "nameSv", "", "region", "", "version", "0");
        assertThat(admin.post("/organisation", same).status()).isEqualTo(302);
        assertThat(entries(org.id())).isEqualTo(before);

        Map<String, String> renamed = Map.of(
                "type",
                "MUNICIPALITY",
                "nameFi",
                org.prefix() + " kaupunki",
                "nameSv",
                "",
                "region",
                "",
                "version",
                "1");
        assertThat(admin.post("/organisation", renamed).status()).isEqualTo(302);
        assertThat(entries(org.id())).isEqualTo(before + 1);
        String log = admin.get("/admin/audit").body();
        assertThat(log)
                .contains("Nimi suomeksi")
                .doesNotContain("<strong>name.fi</strong>")
                .doesNotContain(">version<");
    }

    private int entries(OrganisationId org) {
        return jdbc.sql("select count(*) from audit_event where organisation_id = ? and entity_type = 'organisation'")
                .param(org.value())
                .query(Integer.class)
                .single();
    }
}
