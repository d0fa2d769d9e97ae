package fi.hyte.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.platform.security.Users;
import fi.hyte.support.BodyReads;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every request body is bounded, also one sent in chunks without a Content-Length, over a real socket. */
@HyteSpringTest
class RequestBodyLimitTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BodyReads bodyReads;

    @Autowired
    Users users;

    @Test
    void chunkedJsonOfFiveMegabytesWithAViewersTokenIsRefusedUnparsed() throws Exception {
        Fixtures.Org org = fixtures.organisation("paloittain" + Long.toString(System.nanoTime(), 36));
        String token = token(WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD));
        int readsBefore = bodyReads.count();

        String answer = chunked("/api/v1/sotkanet/refresh", token, "application/json", 5 * 1024 * 1024);

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(bodyReads.count()).as("no controller read the body").isEqualTo(readsBefore);
    }

    @Test
    void smallChunkedJsonStillReachesTheApi() throws Exception {
        String token = token(WebSession.signedIn(port, "admin", HyteSpringTest.DEMO_PASSWORD));
        int readsBefore = bodyReads.count();

        String answer = chunked("/api/v1/sotkanet/refresh", token, "application/json", 0);

        // The refresh itself may be refused or started; what matters is that the body was read and bound.
        assertThat(answer).doesNotStartWith("HTTP/1.1 413");
        assertThat(bodyReads.count()).isGreaterThan(readsBefore);
    }

    /** Sends {"indicators":[1,1,…]} of about the given size in 64 KB chunks, reading the answer meanwhile. */
    private String chunked(String path, String token, String type, int size) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                            + "\r\nContent-Type: " + type + "\r\nTransfer-Encoding: chunked\r\nAccept: application/json"
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    chunk(out, "{\"indicators\":[1");
                    byte[] ones = ",1".repeat(32 * 1024).getBytes(StandardCharsets.US_ASCII);
                    for (int sent = 0; sent < size; sent += ones.length) {
                        chunk(out, ones);
                    }
                    chunk(out, "],\"years\":[1800]}");
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedByServer) {
                    // The server may close the connection once it has answered.
                }
            });
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("\r\n\r\n")) {
                        break;
                    }
                }
            } catch (IOException reset) {
                // What was read before the reset is the answer.
            }
            sending.get(30, TimeUnit.SECONDS);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        chunk(out, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String token(WebSession session) {
        WebSession.Response created = session.post("/account/tokens", Map.of("name", "Paloittain"));
        String page = created.status() == 200
                ? created.body()
                : session.get("/account/tokens").body();
        Matcher token = Pattern.compile("hyte_[A-Za-z0-9_-]{43}").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group();
    }
}
