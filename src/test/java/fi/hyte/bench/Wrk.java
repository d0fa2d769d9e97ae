package fi.hyte.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of wrk against one URL with {@code bench/sessions.lua}: each connection's requests carry
 * the sessions of signed-in users in turn, as in {@code bench/foundation.sh}.
 */
final class Wrk {

    private Wrk() {}

    /**
     * Runs wrk and returns its RESULT line as pairs (requests, rps, p50, p95, p99 in ms, errors, non2xx).
     *
     * @param sessions a file of session ids, one a line
     * @param think the mean pause between one connection's requests in ms (0: none)
     * @param header an extra request header as "Name: value" (e.g. HX-Request), or null
     */
    static Map<String, String> run(String url, Path sessions, int connections, int think, int seconds, String header)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + seconds + "s",
                "-s",
                System.getProperty("hyte.bench.wrk-script", "bench/sessions.lua"),
                url,
                "--",
                sessions.toString(),
                Integer.toString(think)));
        if (header != null) {
            command.add(header);
        }
        // wrk counts a response slower than its timeout (2 s by default) as an error, not a latency.
        String timeout = System.getProperty("hyte.bench.wrk-timeout");
        if (timeout != null) {
            command.addAll(1, List.of("--timeout", timeout));
        }
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            Map<String, String> result = new LinkedHashMap<>();
            output.lines()
                    .filter(line -> line.startsWith("RESULT "))
                    .flatMap(line -> Arrays.stream(line.substring(7).split(" ")))
                    .map(pair -> pair.split("=", 2))
                    .forEach(pair -> result.put(pair[0], pair[1]));
            if (!result.containsKey("p95")) {
                throw new IllegalStateException("wrk gave no result: " + output);
            }
            return result;
        } finally {
            wrk.destroy();
        }
    }

    /**
     * Runs wrk with {@code bench/public.lua}: requests without a cookie, as a resident's browser on the
     * public site, optionally with one more header (e.g. If-None-Match). Returns the RESULT pairs.
     */
    static Map<String, String> runPublic(String url, int connections, int seconds, String header) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "-t" + Math.min(2, connections),
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                System.getProperty("hyte.bench.wrk-timeout", "10s"),
                "-s",
                "bench/public.lua",
                url));
        if (header != null) {
            command.addAll(List.of("--", header));
        }
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            Map<String, String> result = new LinkedHashMap<>();
            output.lines()
                    .filter(line -> line.startsWith("RESULT "))
                    .flatMap(line -> Arrays.stream(line.substring(7).split(" ")))
                    .map(pair -> pair.split("=", 2))
                    .forEach(pair -> result.put(pair[0], pair[1]));
            if (!result.containsKey("p95")) {
                throw new IllegalStateException("wrk gave no result: " + output);
            }
            return result;
        } finally {
            wrk.destroy();
        }
    }

    /** Transport errors and non-2xx answers of a run. */
    static long failures(Map<String, String> result) {
        return Long.parseLong(result.get("errors")) + Long.parseLong(result.get("non2xx"));
    }
}
