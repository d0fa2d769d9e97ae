package fi.hyte.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fi.hyte.organisation.demo.DemoLeadership;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log is for people (issue 16 §6): a save that changed nothing writes nothing, every row of
 * the demo's log reads in words (no id, code or field name of the program), and the log filters by
 * person, kind of record, days and text, a page at a time.
 */
@HyteSpringTest
class AuditWordsTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditWords words;

    @Autowired
    JsonMapper json;

    @Autowired
    ConsultationSetup setup;

    static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

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

    @Test
    void saveThatChangesOnlyTheVersionAndWhoSavedWhenWritesNoEntry() {
        var org = fixtures.organisation("tyhja" + Long.toString(System.nanoTime(), 36));
        UUID measure = UUID.randomUUID();
        audit.updated(
                org.tenant(),
                "measure",
                measure,
                Map.of(
                        "title",
                        Map.of("fi", "Liikuntaneuvonta"),
                        "version",
                        1,
                        "updatedAt",
                        "2026-12-01T10:00:00Z",
                        "updatedBy",
                        "Aino"),
                Map.of(
                        "title",
                        Map.of("fi", "Liikuntaneuvonta"),
                        "version",
                        2,
                        "updatedAt",
                        "2026-12-07T10:00:00Z",
                        "updatedBy",
                        "Bertta"));
        assertThat(audit.entries(org.id(), measure, 10)).isEmpty();
        audit.updated(
                org.tenant(),
                "measure",
                measure,
                Map.of("title", Map.of("fi", "Liikuntaneuvonta"), "version", 2),
                Map.of("title", Map.of("fi", "Liikuntaneuvonta ikäihmisille"), "version", 3));
        var shown = words.show(org.id(), audit.entries(org.id(), measure, 10), Locale.forLanguageTag("fi"));
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).subject()).isEqualTo("Liikuntaneuvonta ikäihmisille");
        assertThat(shown.get(0).fields())
                .extracting(AuditWords.ShownField::label, AuditWords.ShownField::before, AuditWords.ShownField::after)
                .containsExactly(tuple("Nimi suomeksi", "Liikuntaneuvonta", "Liikuntaneuvonta ikäihmisille"));
    }

    @Test
    void everyRowOfTheDemosLogReadsInWordsWithoutIdsCodesOrFieldNames() {
        List<String> states = jdbc.sql("select s::text from audit_event, lateral (values (before_state), (after_state))"
                        + " as v(s) where organisation_id = ? and s is not null")
                .param(DemoLeadership.MUNICIPALITY.value())
                .query(String.class)
                .list();
        assertThat(states)
                .as("the demo's log has rows of the newer modules too")
                .hasSizeGreaterThan(200);
        Set<String> codes = new HashSet<>();
        Set<String> fieldNames = new HashSet<>();
        for (String state : states) {
            collect(json.readTree(state), codes, fieldNames);
        }
        assertThat(codes).contains("ONGOING");
        assertThat(fieldNames).contains("startsOn", "ownerPersonId");
        WebSession admin = WebSession.signedIn(port, "admin", HyteSpringTest.DEMO_PASSWORD);
        for (String language : List.of("fi", "sv", "en")) {
            admin.get("/?lang=" + language);
            List<String> leaks = new ArrayList<>();
            int pages = 1;
            for (int page = 1; page <= pages; page++) {
                String body = admin.get("/admin/audit?page=" + page).body();
                Matcher last = Pattern.compile("(?:Sivu|Sida|Page) \\d+ (?:/|av|of) (\\d+)")
                        .matcher(body);
                if (last.find()) {
                    pages = Integer.parseInt(last.group(1));
                }
                String table = text(body.substring(body.indexOf("<tbody>"), body.indexOf("</tbody>")));
                Matcher id = UUID_TEXT.matcher(table);
                while (id.find()) {
                    leaks.add("id " + id.group());
                }
                for (String word : table.replaceAll(
                                "\\S+@\\S+|\\S*https?://\\S+|\\S+\\.(fi|se|com|org|net)\\b\\S*", " ")
                        .split("[^\\p{L}\\p{N}_]+")) {
                    // NGO is also the English word (affiliation.NGO=NGO).
                    if (codes.contains(word) && word.length() > 2 && !(language.equals("en") && word.equals("NGO"))) {
                        leaks.add("code " + word);
                    }
                    if (fieldNames.contains(word)) {
                        leaks.add("field " + word);
                    }
                }
                assertThat(table).doesNotContain("??").doesNotContain("{\"");
            }
            assertThat(pages).isGreaterThan(3);
            assertThat(leaks).as(language).isEmpty();
        }
        String fi = admin.get("/admin/audit?kind=measure&lang=fi").body();
        assertThat(fi).containsPattern("<strong class=\"block\">TP-\\d+ [^<]+</strong>");
        assertThat(fi).contains("Alkaa").containsPattern("\\d{1,2}\\.\\d{1,2}\\.20\\d\\d");
    }

    @Test
    void consultationsRunElsewhereAndTopicSectionsReadInWordsInEveryLanguage() {
        var org = fixtures.organisation("muual" + Long.toString(System.nanoTime(), 36));
        Instant opens = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(40, ChronoUnit.DAYS);
        Consultation outside = new Consultation(
                null,
                org.id(),
                null,
                LocalizedText.of("Nuorten tilat", "Ungdomslokaler"),
                LocalizedText.of("Nuoret toivoivat iltatilaa.", "De unga önskade en kvällslokal."),
                opens,
                opens.plus(30, ChronoUnit.DAYS),
                "POST",
                true,
                List.of(),
                0);
        UUID id = setup.recordOutside(
                org.tenant(), outside, new Consultation.Outside("OTAKANTAA", "https://www.otakantaa.fi/nuoret", 312));
        UUID topic = setup.create(
                org.tenant(),
                new Consultation(
                        null,
                        org.id(),
                        null,
                        LocalizedText.of("Koulukuljetukset", null),
                        LocalizedText.of("Päätös on arvioitavana.", null),
                        opens.plus(400, ChronoUnit.DAYS),
                        opens.plus(420, ChronoUnit.DAYS),
                        "POST",
                        false,
                        List.of(),
                        0),
                List.of());
        for (String heading : List.of("Reitit", "Aikataulut")) {
            assertThat(setup.ownSection(
                            org.tenant(),
                            topic,
                            new ConsultationSetup.SectionChange(
                                    null, "SAVE", LocalizedText.of(heading, null), LocalizedText.of("Teksti", null)),
                            Instant.now()))
                    .isEmpty();
        }
        UUID second = jdbc.sql("select id from consultation_section where consultation_id = ? and title_fi = ?")
                .params(topic, "Aikataulut")
                .query(UUID.class)
                .single();
        for (String action : List.of("UP", "REMOVE")) {
            assertThat(setup.ownSection(
                            org.tenant(),
                            topic,
                            new ConsultationSetup.SectionChange(second, action, null, null),
                            Instant.now()))
                    .isEmpty();
        }
        List<AuditLog.AuditEntry> entries = new ArrayList<>(audit.recent(org.id(), 100, 0).stream()
                .filter(e ->
                        Set.of("outsideConsultation", "consultationSection").contains(e.entityType()))
                .toList());
        java.util.Collections.reverse(entries); // the log lists the newest first
        assertThat(entries).hasSize(5);

        Map<String, List<String>> expected = Map.of(
                "fi",
                List.of(
                        "Muualla käyty kuuleminen: Nuorten tilat",
                        "Otsikko=Nuorten tilat",
                        "Avautui, Päättyi",
                        "Näkyy julkisella sivustolla=kyllä",
                        "Palvelu=otakantaa.fi",
                        "Osoite palvelussa=https://www.otakantaa.fi/nuoret",
                        "Osallistujia=312",
                        "Kuulemisen kommentoitava osa: Reitit",
                        "Muutos=osa tallennettiin",
                        "Otsikko=Reitit",
                        "Muutos=osa siirrettiin ylemmäs",
                        "Muutos=osa poistettiin"),
                "sv",
                List.of(
                        "Hörande som förts på annat håll: Nuorten tilat",
                        "Rubrik=Nuorten tilat",
                        "Öppnades, Avslutades",
                        "Syns på den offentliga webbplatsen=ja",
                        "Tjänst=otakantaa.fi (dinåsikt.fi)",
                        "Adress i tjänsten=https://www.otakantaa.fi/nuoret",
                        "Deltagare=312",
                        "Del att kommentera i hörande: Reitit",
                        "Ändring=delen sparades",
                        "Rubrik=Reitit",
                        "Ändring=delen flyttades upp",
                        "Ändring=delen togs bort"),
                "en",
                List.of(
                        "Consultation run elsewhere: Nuorten tilat",
                        "Title=Nuorten tilat",
                        "Opened on, Closed on",
                        "Shown on the public site=yes",
                        "Service=otakantaa.fi",
                        "Address in the service=https://www.otakantaa.fi/nuoret",
                        "Participants=312",
                        "Consultation section: Reitit",
                        "Change=the section was saved",
                        "Heading=Reitit",
                        "Change=the section was moved up",
                        "Change=the section was removed"));
        for (String language : List.of("fi", "sv", "en")) {
            List<String> want = expected.get(language);
            List<AuditWords.Shown> shown = words.show(org.id(), entries, Locale.forLanguageTag(language));
            assertThat(shown)
                    .extracting(AuditWords.Shown::kind)
                    .doesNotContain(words.kind("other", Locale.forLanguageTag(language)));
            assertThat(shown.get(0).kind() + ": " + shown.get(0).subject()).isEqualTo(want.get(0));
            Map<String, String> recorded = new java.util.LinkedHashMap<>();
            shown.get(0).fields().forEach(field -> recorded.put(field.label(), field.after()));
            String[] dates = want.get(2).split(", ");
            assertThat(recorded)
                    .as(language)
                    .containsOnlyKeys(
                            want.get(1).split("=")[0],
                            dates[0],
                            dates[1],
                            want.get(3).split("=")[0],
                            want.get(4).split("=")[0],
                            want.get(5).split("=")[0],
                            want.get(6).split("=")[0]);
            assertThat(recorded.get(dates[0])).containsPattern("\\d");
            assertThat(recorded.get(dates[1])).containsPattern("\\d");
            for (String pair : List.of(want.get(1), want.get(3), want.get(4), want.get(5), want.get(6))) {
                assertThat(recorded).containsEntry(pair.split("=")[0], pair.substring(pair.indexOf('=') + 1));
            }
            assertThat(shown.get(1).kind() + ": " + shown.get(1).subject()).isEqualTo(want.get(7));
            assertThat(shown.subList(1, 5))
                    .extracting(AuditWords.Shown::subject)
                    .containsExactly("Reitit", "Aikataulut", "Aikataulut", "Aikataulut");
            assertThat(shown.get(1).fields())
                    .extracting(field -> field.label() + "=" + field.after())
                    .containsExactlyInAnyOrder(want.get(8), want.get(9));
            assertThat(shown.get(3).fields())
                    .extracting(field -> field.label() + "=" + field.after())
                    .containsExactly(want.get(10));
            assertThat(shown.get(4).fields())
                    .extracting(field -> field.label() + "=" + field.after())
                    .containsExactly(want.get(11));
        }
    }

    @Test
    void theImpactTemplatesAndTheReportListsCodesAllHaveWords() throws IOException {
        Set<String> missing = new HashSet<>();
        try (InputStream in = getClass().getResourceAsStream("/impact/default-template.json")) {
            JsonNode template = json.readTree(in);
            template.get("rows").forEach(row -> {
                check(missing, "audit.value.rowKey." + row.get("key").asString());
                if (row.path("group").asBoolean()) {
                    check(missing, "audit.value.groups." + row.get("key").asString());
                }
            });
            template.get("rules")
                    .forEach(rule ->
                            check(missing, "audit.value.yes." + rule.get("key").asString()));
            template.get("exclusions")
                    .forEach(ex -> check(
                            missing, "audit.value.exclusion." + ex.get("key").asString()));
        }
        try (InputStream in = getClass().getResourceAsStream("/report/minimum-data-list.json")) {
            json.readTree(in)
                    .get("items")
                    .forEach(item -> check(
                            missing, "audit.value.itemKey." + item.get("key").asString()));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void logFiltersByPersonKindDaysAndTextAndPages() {
        var org = fixtures.organisation("suod" + Long.toString(System.nanoTime(), 36));
        for (int i = 0; i < 55; i++) {
            audit.system(
                    org.id(),
                    null,
                    "Aino Auditoija",
                    "sector",
                    UUID.randomUUID(),
                    "CREATE",
                    null,
                    Map.of("name", Map.of("fi", "Sivistys " + i)));
        }
        audit.system(
                org.id(),
                null,
                "Bertta Muokkaaja",
                "person",
                UUID.randomUUID(),
                "CREATE",
                null,
                Map.of("name", "Kalle Kuntalainen", "title", "Rehtori"));
        WebSession admin = WebSession.signedIn(port, org.user(Role.ADMIN), Fixtures.PASSWORD);
        String first = admin.get("/admin/audit").body();
        assertThat(first).contains("Sivu 1 / 2").contains("rel=\"next\"");
        assertThat(admin.get("/admin/audit?page=2").body())
                .contains("Sivu 2 / 2")
                .contains("rel=\"prev\"");

        String bertta = admin.get("/admin/audit?person=Bertta+Muokkaaja").body();
        assertThat(bertta)
                .contains("Suodatukseen sopii 1 merkintää.")
                .contains("Kalle Kuntalainen")
                .doesNotContain("Sivistys 1");
        String kind = admin.get("/admin/audit?kind=person").body();
        assertThat(kind)
                .contains("Suodatukseen sopii 1 merkintää.")
                .contains("Tehtävänimike")
                .contains("Rehtori");
        assertThat(admin.get("/admin/audit?q=rehtori").body()).contains("Suodatukseen sopii 1 merkintää.");
        assertThat(admin.get("/admin/audit?q=name").body())
                .as("field names are not searched, only values")
                .contains("Suodatukseen ei sovi yhtään merkintää.");
        assertThat(admin.get("/admin/audit?q=toimiala").body())
                .as("the kind's label is searched")
                .contains("Suodatukseen sopii 55 merkintää.");
        assertThat(admin.get("/admin/audit?q=Sivistys+54").body()).contains("Suodatukseen sopii 1 merkintää.");

        int all = jdbc.sql("select count(*) from audit_event where organisation_id = ?")
                .param(org.id().value())
                .query(Integer.class)
                .single();
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Helsinki")).toString();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Helsinki"))
                .plusDays(1)
                .toString();
        assertThat(admin.get("/admin/audit?from=" + today + "&to=" + today).body())
                .contains("Suodatukseen sopii " + all + " merkintää.");
        assertThat(admin.get("/admin/audit?from=" + tomorrow).body())
                .contains("Suodatukseen ei sovi yhtään merkintää.");
        WebSession.Response bad = admin.get("/admin/audit?to=31.2.2026");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("Päättyen: päivämäärä ei kelpaa").contains("Merkintöjä " + all + ".");
        assertThat(admin.get("/admin/audit?kind=nonsense&person=").body()).contains("Merkintöjä " + all + ".");
        assertThat(admin.getHtmx("/admin/audit?kind=person").body())
                .as("htmx gets only the results")
                .contains("Rehtori")
                .doesNotContain("<form");
    }

    private void check(Set<String> missing, String key) {
        for (Locale locale : List.of(Locale.forLanguageTag("fi"), Locale.forLanguageTag("sv"), Locale.ENGLISH)) {
            if (messages.getMessage(key, null, null, locale) == null) {
                missing.add(key + " " + locale);
            }
        }
    }

    @Autowired
    org.springframework.context.MessageSource messages;

    /**
     * Codes (ONGOING) and the program's own field names (startsOn, report_block) the states hold;
     * one-word names (title, example) are also words of the users' texts, so they are not sought.
     */
    private static void collect(JsonNode node, Set<String> codes, Set<String> fieldNames) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getKey().equals(field.getKey().toLowerCase(Locale.ROOT))
                        || field.getKey().contains("_")) {
                    fieldNames.add(field.getKey());
                }
                collect(field.getValue(), codes, fieldNames);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, codes, fieldNames));
        } else if (node.isString() && node.asString().matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")) {
            codes.add(node.asString());
        }
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ")
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    private int entries(OrganisationId org) {
        return jdbc.sql("select count(*) from audit_event where organisation_id = ? and entity_type = 'organisation'")
                .param(org.value())
                .query(Integer.class)
                .single();
    }
}
