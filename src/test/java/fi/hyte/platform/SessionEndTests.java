package fi.hyte.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions end with the password they were opened with, and a system operator's role is taken away
 * at the next request, over real HTTP with sessions in PostgreSQL.
 */
@HyteSpringTest
class SessionEndTests {

    static final String NEW_PASSWORD = "Uusi-salasana-2026!";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Org org;

    @BeforeEach
    void organisation() {
        org = fixtures.organisation("istunto" + Long.toString(System.nanoTime(), 36));
    }

    @Test
    void aPasswordChangeEndsTheUsersOtherSessionsButNotTheOneThatChangedIt() {
        String editor = org.user(Role.EDITOR);
        WebSession laptop = WebSession.signedIn(port, editor, Fixtures.PASSWORD);
        WebSession phone = WebSession.signedIn(port, editor, Fixtures.PASSWORD);
        WebSession colleague = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        assertThat(phone.get("/people").status()).isEqualTo(200);

        var changed = laptop.post(
                "/account/password",
                Map.of(
                        "currentPassword", Fixtures.PASSWORD,
                        "newPassword", NEW_PASSWORD,
                        "confirmPassword", NEW_PASSWORD));
        assertThat(changed.status()).isEqualTo(302);

        assertThat(laptop.get("/people").status()).isEqualTo(200);
        var ended = phone.get("/people");
        assertThat(ended.status()).isEqualTo(302);
        assertThat(ended.location()).endsWith("/login");
        assertThat(colleague.get("/people").status()).isEqualTo(200);
        assertThat(WebSession.signedIn(port, editor, NEW_PASSWORD)
                        .get("/people")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAdministratorsResetEndsEverySessionOfThatUser() {
        String viewer = org.user(Role.VIEWER);
        WebSession session = WebSession.signedIn(port, viewer, Fixtures.PASSWORD);
        assertThat(session.get("/people").status()).isEqualTo(200);
        UUID id = jdbc.sql("select id from app_user where username = ?")
                .param(viewer)
                .query(UUID.class)
                .single();
        WebSession admin = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        assertThat(admin.post("/admin/users/" + id + "/password", Map.of()).status())
                .isEqualTo(200);

        var ended = session.get("/people");
        assertThat(ended.status()).isEqualTo(302);
        assertThat(ended.location()).endsWith("/login");
        assertThat(admin.get("/people").status()).isEqualTo(200);
    }

    @Test
    void anOperatorRoleRevokedInTheDatabaseEndsAtTheNextRequest() {
        String username = org.user(Role.COORDINATOR);
        jdbc.sql("update app_user set operator = true where username = ?")
                .param(username)
                .update();
        WebSession operator = WebSession.signedIn(port, username, Fixtures.PASSWORD);
        assertThat(operator.get("/operator/organisations").status()).isEqualTo(200);

        jdbc.sql("update app_user set operator = false where username = ?")
                .param(username)
                .update();
        assertThat(operator.get("/operator/organisations").status()).isEqualTo(403);
        assertThat(operator.get("/operator/organisations").status()).isEqualTo(403);
        assertThat(operator.get("/people").status()).isEqualTo(200);
    }
}
