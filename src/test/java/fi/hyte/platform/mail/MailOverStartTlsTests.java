package fi.hyte.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.platform.Role;
import fi.hyte.platform.UserId;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * Mail goes out encrypted: against an SMTP server that refuses every message before STARTTLS (as
 * municipal relays do), with Hyte set to require STARTTLS, a queued message is delivered over TLS
 * and marked sent. GreenMail cannot speak STARTTLS, so this server is SubEtha SMTP with a
 * self-signed certificate made for the run.
 */
@HyteSpringTest
class MailOverStartTlsTests {

    static final int SMTP_PORT = freePort();
    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    static final SMTPServer SMTP = SMTPServer.port(SMTP_PORT)
            .bindAddress(java.net.InetAddress.getLoopbackAddress())
            .enableTLS()
            .requireTLS()
            .startTlsSocketFactory(selfSigned())
            .messageHandler((context, from, to, data) ->
                    RECEIVED.add((context instanceof Session session && session.isTLSStarted() ? "TLS " : "PLAIN ") + to
                            + "\n" + new String(data, StandardCharsets.UTF_8)))
            .build();

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.starttls.required", () -> "true");
        registry.add("spring.mail.properties.mail.smtp.ssl.trust", () -> "127.0.0.1");
        registry.add("hyte.mail.poll", () -> "1h");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    MailDelivery delivery;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void messagesAreDeliveredOnlyAfterStartTlsAndMarkedSent() {
        // Its own organisation and message: the test database is shared with other test contexts.
        Org org = fixtures.organisation("tls" + Long.toString(System.nanoTime(), 36));
        String address = "toimittaja@" + org.id().value() + ".test";
        jdbc.sql("update app_user set email = ? where username = ?")
                .params(address, org.user(Role.EDITOR))
                .update();
        UserId editor = new UserId(jdbc.sql("select id from app_user where username = ?")
                .param(org.user(Role.EDITOR))
                .query(UUID.class)
                .single());
        UUID queued = new TransactionTemplate(transactions)
                .execute(status -> outbox.queue(new Notice(
                                org.id(),
                                editor,
                                MailKind.ANSWER_REQUESTED,
                                MailLine.of("maturitymail.request.subject", null, "Salattu kypsyysarvio"),
                                List.of(),
                                "/maturity"))
                        .orElseThrow());

        delivery.sendDue();

        assertThat(RECEIVED)
                .filteredOn(m -> m.contains(address))
                .singleElement()
                .satisfies(m -> assertThat(m)
                        .startsWith("TLS " + address)
                        .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assertThat(RECEIVED).allSatisfy(m -> assertThat(m).startsWith("TLS "));
        assertThat(jdbc.sql("select status from mail_outbox where id = ?")
                        .param(queued)
                        .query(String.class)
                        .single())
                .isEqualTo("SENT");
    }

    /** A key and self-signed certificate for 127.0.0.1, made with the JDK's keytool for this run. */
    static SSLContext selfSigned() {
        try {
            Path dir = Files.createTempDirectory("hyte-smtp-tls");
            Path store = dir.resolve("smtp.p12");
            String keytool =
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(
                            keytool,
                            "-genkeypair",
                            "-alias",
                            "smtp",
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-dname",
                            "CN=127.0.0.1",
                            "-ext",
                            "san=ip:127.0.0.1",
                            "-validity",
                            "2",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            store.toString(),
                            "-storepass",
                            "changeit",
                            "-keypass",
                            "changeit")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, "changeit".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
            return context;
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
