package fi.hyte.participation;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A resident's browser without cookies: plain GETs and form POSTs to the public site. */
record PublicHttp(int port, HttpClient http) {

    static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    static final Pattern SECTION = Pattern.compile("name=\"(section-[0-9a-f-]{36})\"");

    PublicHttp(int port) {
        this(port, HttpClient.newHttpClient());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form, Map.of());
    }

    /** A form POST with extra request headers (an Origin, a forwarded client address). */
    HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    static String token(String page) {
        Matcher token = TOKEN.matcher(page);
        return token.find() ? token.group(1) : "";
    }

    /** A consultation form's fields as a browser sends them, with a comment on its first section. */
    static Map<String, String> answer(String form, String comment, Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", token(form));
        fields.put("website", "");
        Matcher section = SECTION.matcher(form);
        if (section.find()) {
            fields.put(section.group(1), comment);
        }
        fields.put("nickname", "Puistokävijä");
        fields.put("ageGroup", "");
        fields.put("postalArea", "");
        fields.put("email", "");
        fields.putAll(overrides);
        return fields;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
