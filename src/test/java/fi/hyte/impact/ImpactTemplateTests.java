package fi.hyte.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.impact.domain.CaseReading;
import fi.hyte.impact.domain.DecisionText;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.impact.domain.Screening;
import fi.hyte.impact.domain.TemplateContent;
import fi.hyte.impact.domain.Templates;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The template's rows, screening questions and summary wording edited on /impact/templates/content
 * over HTTP on PostgreSQL: each save a new version, an assessment on the older version offered the
 * newer one with its differences, a version in use not deleted, bad input refused field by field.
 */
@HyteSpringTest
class ImpactTemplateTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Preparation preparation;

    @Autowired
    Templates templates;

    @Autowired
    CaseReading reading;

    @Autowired
    DecisionText text;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rowsQuestionsAndSummaryWordingAreEditedAsANewVersionThatAnOlderAssessmentIsOfferedWithItsDifferences() {
        Org org = fixtures.organisation("tpl" + suffix());
        UUID body = fixtures.body(org, BodyType.COUNCIL, "Valtuusto");
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Templates.TemplateVersion first = templates.latest(org.id());
        UUID school = create(org, "Kyläkoulun lakkauttaminen", body);
        assertThat(caseVersion(school)).isEqualTo(first.version());

        String page = coordinator.get("/impact/templates/content").body();
        assertThat(page).contains("Pohjan rivit ja sanamuodot", "Seulontakysymykset", "Aloituslause");

        Map<String, String> form = form(first.content(), first.version());
        int children = index(first.content(), "children");
        int older = index(first.content(), "older");
        int business = index(first.content(), "business");
        form.put("rows[" + children + "].fi", "Lapset ja perheet");
        form.put("rows[" + children + "].sv", "Barn och familjer");
        form.put("rows[" + children + "].en", "Children and families");
        form.put("rows[" + older + "].position", "1");
        form.put("rows[" + business + "].remove", "true");
        int added = first.content().rows().size();
        form.put("rows[" + added + "].key", "students");
        form.put("rows[" + added + "].kind", "groups");
        form.put("rows[" + added + "].fi", "Opiskelijat");
        form.put("rows[" + added + "].sv", "Studerande");
        form.put("rows[" + added + "].position", "2");
        form.put("rules[0].fi", "Koskeeko päätös vähintään kynnysosuutta kunnan asukkaista?");
        form.put("wording[0].fi", "Kerava arvioi päätöksen vaikutukset ennakkoon.");
        form.put("wording[0].sv", "Kervo bedömer beslutets konsekvenser på förhand.");
        form.put("wording[1].fi", "Lisätietoja antaa asian valmistelija.");
        form.put("note", "Rivit ja sanamuodot");
        WebSession.Response saved = coordinator.post("/impact/templates/content", form);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/impact/templates");
        assertThat(coordinator.get("/impact/templates").body())
                .contains("Arviointipohjan uusi versio tallennettiin.")
                .contains("Lapset ja perheet");

        Templates.TemplateVersion second = templates.latest(org.id());
        assertThat(second.version()).isEqualTo(first.version() + 1);
        TemplateContent t = second.content();
        assertThat(t.rows().get(0).key()).isEqualTo("older");
        assertThat(t.rows().get(1).key()).isEqualTo("students");
        assertThat(t.row("students").orElseThrow().group()).isTrue();
        assertThat(t.row("children").orElseThrow().label())
                .isEqualTo(new LocalizedText("Lapset ja perheet", "Barn och familjer", "Children and families"));
        assertThat(t.row("business")).isEmpty();
        assertThat(t.rows()).hasSize(first.content().rows().size());
        assertThat(t.rule("share").orElseThrow().label().fi())
                .isEqualTo("Koskeeko päätös vähintään kynnysosuutta kunnan asukkaista?");
        assertThat(t.rule("share").orElseThrow().outcome())
                .isEqualTo(first.content().rule("share").orElseThrow().outcome());
        assertThat(t.wording("intro", Locale.forLanguageTag("sv")))
                .isEqualTo("Kervo bedömer beslutets konsekvenser på förhand.");
        assertThat(audited(org, second.version())).isEqualTo(1);

        // The case keeps the version it began with until its preparer chooses the new one.
        assertThat(caseVersion(school)).isEqualTo(first.version());
        assertThat(reading.of(org.tenant(), school).template().row("business")).isPresent();
        String casePage = coordinator.get("/impact/cases/" + school).body();
        assertThat(casePage)
                .contains("Arviointipohjasta on uudempi versio " + second.version())
                .contains("Rivi nimettiin uudelleen: Lapset → Lapset ja perheet")
                .contains("Uusi rivi: Opiskelijat")
                .contains("Poistettu rivi: Elinkeinot ja yritykset")
                .contains("Rivien järjestys muuttui")
                .contains("Seulontakysymyksen sanamuoto muuttui: Koskeeko päätös")
                .contains("Tiivistelmän sanamuodot muuttuivat");
        assertThat(coordinator.get("/impact/cases/" + school + "/matrix").body())
                .contains("Elinkeinot ja yritykset")
                .doesNotContain("Opiskelijat");

        // The old version is in use: it cannot be deleted once it is the latest; neither can the new one once adopted.
        coordinator.post(
                "/impact/cases/" + school + "/template",
                Map.of("templateVersion", Integer.toString(second.version()), "version", "0"));
        assertThat(caseVersion(school)).isEqualTo(second.version());
        assertThat(coordinator.get("/impact/cases/" + school + "/matrix").body())
                .contains("Opiskelijat", "Lapset ja perheet")
                .doesNotContain("Elinkeinot ja yritykset");
        WebSession.Response delete =
                coordinator.post("/impact/templates/delete", Map.of("version", Integer.toString(second.version())));
        assertThat(delete.status()).isEqualTo(302);
        assertThat(templates.latest(org.id()).version()).isEqualTo(second.version());
        assertThat(coordinator.get("/impact/templates").body()).contains("Versiota ei poistettu");

        // The summary opens and closes with the organisation's wording once the case is screened.
        preparation.saveScreening(org.tenant(), school, screened(), caseRowVersion(school));
        var a = reading.of(org.tenant(), school);
        String fi = text.generate(a, List.of(), Locale.forLanguageTag("fi"));
        assertThat(fi).startsWith("Kerava arvioi päätöksen vaikutukset ennakkoon.");
        assertThat(fi).endsWith("Lisätietoja antaa asian valmistelija.");
        assertThat(text.generate(a, List.of(), Locale.forLanguageTag("sv")))
                .startsWith("Kervo bedömer beslutets konsekvenser på förhand.");
    }

    @Test
    void emptyNamesDuplicateKeysAndTooManyRowsAreRefusedFieldByFieldAndNothingIsSaved() {
        Org org = fixtures.organisation("tplb" + suffix());
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Templates.TemplateVersion first = templates.latest(org.id());
        int rows = first.content().rows().size();

        Map<String, String> emptyName = form(first.content(), first.version());
        emptyName.put("rows[0].fi", " ");
        emptyName.put("rules[1].fi", "");
        WebSession.Response refused = coordinator.post("/impact/templates/content", emptyName);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("Anna rivin nimi suomeksi.")
                .contains("Anna teksti suomeksi.")
                .contains("href=\"#rows[0].fi\"")
                .contains("id=\"rows[0].fi\"");

        Map<String, String> duplicate = form(first.content(), first.version());
        duplicate.put("rows[" + rows + "].key", "children");
        duplicate.put("rows[" + rows + "].fi", "Lapset uudestaan");
        assertThat(coordinator.post("/impact/templates/content", duplicate).body())
                .contains("Tunnus children on jo toisella rivillä.");

        Map<String, String> badKey = form(first.content(), first.version());
        badKey.put("rows[" + rows + "].key", "1 väärä");
        badKey.put("rows[" + rows + "].fi", "Väärä tunnus");
        badKey.put("rows[0].position", "ensimmäinen");
        assertThat(coordinator.post("/impact/templates/content", badKey).body())
                .contains("Tunnuksessa voi olla kirjaimia")
                .contains("Anna paikka kokonaislukuna 1–999.");

        Map<String, String> tooMany = form(first.content(), first.version());
        for (int i = rows; i < 101; i++) {
            tooMany.put("rows[" + i + "].key", "extra" + i);
            tooMany.put("rows[" + i + "].kind", "health");
            tooMany.put("rows[" + i + "].fi", "Lisärivi " + i);
            tooMany.put("rows[" + i + "].position", Integer.toString(i + 1));
        }
        assertThat(coordinator.post("/impact/templates/content", tooMany).body())
                .contains("Pohjassa voi olla enintään 100 riviä. Mitään ei tallennettu.");

        coordinator.get("/impact?lang=sv");
        assertThat(coordinator.post("/impact/templates/content", emptyName).body())
                .contains("Ge radens namn på finska.");
        assertThat(templates.latest(org.id()).version()).isEqualTo(first.version());
        assertThat(jdbc.sql("select count(*) from impact_template where organisation_id = ?")
                        .param(org.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // A viewer may not change the template.
        WebSession viewer = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        assertThat(viewer.get("/impact/templates/content").status()).isEqualTo(403);
        assertThat(viewer.post("/impact/templates/content", form(first.content(), first.version()))
                        .status())
                .isEqualTo(403);
        assertThat(templates.latest(org.id()).version()).isEqualTo(first.version());
    }

    @Test
    void aCoordinatorAddsAndRemovesScreeningRulesOfEachKindAndExclusionsAsANewAuditedVersionThatTheScreeningApplies() {
        Org org = fixtures.organisation("tplr" + suffix());
        UUID body = fixtures.body(org, BodyType.COUNCIL, "Valtuusto");
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Templates.TemplateVersion first = templates.latest(org.id());
        UUID school = create(org, "Koulukuljetusten muutos", body);
        String page = coordinator.get("/impact/templates/content").body();
        assertThat(page)
                .contains("<details")
                .contains("<summary")
                .contains("Uusi sääntö 7")
                .contains("Säännön laji")
                .contains("Palveluverkon muutos")
                .contains("Uusi poikkeus 5");

        int n = first.content().rules().size();
        int x = first.content().exclusions().size();
        Map<String, String> form = form(first.content(), first.version());
        form.put("rules[" + index(first.content().rules(), "strategy") + "].remove", "true");
        newRule(form, n, "fewResidents", "share", "RECOMMENDED", "5", "", true, "Koskee vähintään 5 % asukkaista");
        newRule(form, n + 1, "kids", "group", "REQUIRED", "", "children", false, "Koskee lapsia");
        newRule(form, n + 2, "bigMoney", "euros", "REQUIRED", "1 000 000", "", true, "Vaikutus yli miljoona euroa");
        newRule(form, n + 3, "climate", "question", "RECOMMENDED", "", "", false, "Vaikuttaako ilmastoon?");
        form.put("exclusions[" + index2(first.content(), "information") + "].remove", "true");
        form.put("exclusions[" + x + "].key", "technical");
        form.put("exclusions[" + x + "].existing", "false");
        form.put("exclusions[" + x + "].fi", "Talousarvion tekninen muutos");
        form.put("exclusions[" + x + "].sv", "Teknisk ändring i budgeten");
        form.put("note", "Säännöt");
        WebSession.Response saved = coordinator.post("/impact/templates/content", form);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);

        Templates.TemplateVersion second = templates.latest(org.id());
        assertThat(second.version()).isEqualTo(first.version() + 1);
        assertThat(audited(org, second.version())).isEqualTo(1);
        TemplateContent t = second.content();
        assertThat(t.rule("strategy")).isEmpty();
        assertThat(t.rule("share")).isPresent();
        TemplateContent.Rule few = t.rule("fewResidents").orElseThrow();
        assertThat(few.kind()).isEqualTo("share");
        assertThat(few.threshold()).isEqualByComparingTo("5");
        assertThat(few.hearing()).isTrue();
        assertThat(few.outcome()).isEqualTo(fi.hyte.impact.domain.Need.RECOMMENDED);
        assertThat(t.rule("kids").orElseThrow().group()).isEqualTo("children");
        assertThat(t.rule("bigMoney").orElseThrow().threshold()).isEqualByComparingTo("1000000");
        assertThat(t.rule("climate").orElseThrow().asked()).isTrue();
        assertThat(t.exclusions())
                .extracting(TemplateContent.Exclusion::key)
                .contains("technical")
                .doesNotContain("information");

        // The screening applies the new rules: 6 % fires the 5 % rule only, children fire the group rule.
        Screening some = new Screening(
                true,
                new java.math.BigDecimal("6"),
                new java.math.BigDecimal("50000"),
                java.util.Set.of("climate"),
                null,
                List.of("children"),
                List.of());
        Screening.Result result = some.evaluate(t);
        assertThat(result.fired()).containsExactlyInAnyOrder("fewResidents", "kids", "climate");
        assertThat(result.need()).isEqualTo(fi.hyte.impact.domain.Need.REQUIRED);
        assertThat(result.hearingRequired()).isTrue();
        assertThat(new Screening(
                                true,
                                new java.math.BigDecimal("6"),
                                new java.math.BigDecimal("2000000"),
                                java.util.Set.of(),
                                null,
                                List.of(),
                                List.of())
                        .evaluate(t)
                        .fired())
                .containsExactlyInAnyOrder("fewResidents", "bigMoney", "euros");
        assertThat(some.evaluate(first.content()).fired()).doesNotContain("fewResidents");

        // The older case is offered the new version with the rule differences named.
        assertThat(coordinator.get("/impact/cases/" + school).body())
                .contains("Uusi sääntö: Koskee vähintään 5 % asukkaista")
                .contains("Poistettu sääntö: Kyse on strategiasta tai ohjelmasta")
                .contains("Uusi poikkeus: Talousarvion tekninen muutos")
                .contains("Poistettu poikkeus: Tiedoksi merkittävä asia");
        coordinator.post(
                "/impact/cases/" + school + "/template",
                Map.of("templateVersion", Integer.toString(second.version()), "version", "0"));
        String casePage = coordinator.get("/impact/cases/" + school).body();
        assertThat(casePage)
                .contains("Vaikuttaako ilmastoon?")
                .contains("Talousarvion tekninen muutos")
                .doesNotContain("Kyse on strategiasta tai ohjelmasta")
                .contains("Kynnys 5 %");
    }

    @Test
    void aBadNewRuleOrExclusionIsRefusedFieldByFieldInTheUsersLanguageAndNothingIsSaved() {
        Org org = fixtures.organisation("tplq" + suffix());
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Templates.TemplateVersion first = templates.latest(org.id());
        int n = first.content().rules().size();
        Map<String, String> bad = form(first.content(), first.version());
        newRule(bad, n, "share", "share", "REQUIRED", "150", "", false, "Taas osuus");
        newRule(bad, n + 1, "", "staff", "REQUIRED", "", "", false, "Ilman tunnusta");
        newRule(bad, n + 2, "odd", "weather", "MAYBE", "", "", false, "");
        newRule(bad, n + 3, "kidsOnly", "group", "REQUIRED", "", "economy", false, "Väärä ryhmä");
        newRule(bad, n + 4, "money", "euros", "REQUIRED", "-5", "", false, "Negatiivinen");
        int x = first.content().exclusions().size();
        bad.put("exclusions[" + x + "].key", "individual");
        bad.put("exclusions[" + x + "].existing", "false");
        bad.put("exclusions[" + x + "].fi", "Taas yksilö");
        WebSession.Response refused = coordinator.post("/impact/templates/content", bad);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("Tunnus share on jo käytössä tässä pohjassa.")
                .contains("Anna uudelle säännölle tai poikkeukselle tunnus.")
                .contains("Valinta ei ole luettelossa.")
                .contains("Valitse pohjan väestöryhmärivi.")
                .contains("Tunnus individual on jo käytössä tässä pohjassa.")
                .contains("href=\"#rules[" + n + "].threshold\"")
                .contains("href=\"#rules[" + (n + 4) + "].threshold\"");
        coordinator.get("/impact?lang=sv");
        assertThat(coordinator.post("/impact/templates/content", bad).body())
                .contains("Koden share används redan i denna mall.")
                .contains("Välj en grupprad i mallen.");
        coordinator.get("/impact?lang=en");
        assertThat(coordinator.post("/impact/templates/content", bad).body())
                .contains("The key share is already in use in this template.");
        assertThat(templates.latest(org.id()).version()).isEqualTo(first.version());
    }

    private static void newRule(
            Map<String, String> form,
            int i,
            String key,
            String kind,
            String outcome,
            String threshold,
            String group,
            boolean hearing,
            String fi) {
        String p = "rules[" + i + "].";
        form.put(p + "key", key);
        form.put(p + "existing", "false");
        form.put(p + "kind", kind);
        form.put(p + "outcome", outcome);
        form.put(p + "threshold", threshold);
        form.put(p + "group", group);
        if (hearing) {
            form.put(p + "hearing", "true");
        }
        form.put(p + "fi", fi);
    }

    private static int index(List<TemplateContent.Rule> rules, String key) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }

    private static int index2(TemplateContent t, String key) {
        for (int i = 0; i < t.exclusions().size(); i++) {
            if (t.exclusions().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }

    /** The form as the page sends it for the template unchanged, with its blank new rows. */
    static Map<String, String> form(TemplateContent t, int version) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("basedOn", Integer.toString(version));
        for (int i = 0; i < t.rows().size(); i++) {
            TemplateContent.Row r = t.rows().get(i);
            form.put("rows[" + i + "].key", r.key());
            form.put("rows[" + i + "].existing", "true");
            form.put("rows[" + i + "].kind", r.section());
            form.put("rows[" + i + "].position", Integer.toString(i + 1));
            form.put("rows[" + i + "].fi", r.label().fi());
            form.put(
                    "rows[" + i + "].sv",
                    r.label().sv() == null ? "" : r.label().sv());
            form.put(
                    "rows[" + i + "].en",
                    r.label().en() == null ? "" : r.label().en());
        }
        for (int i = 0; i < t.rules().size(); i++) {
            form.put("rules[" + i + "].key", t.rules().get(i).key());
            form.put("rules[" + i + "].fi", t.rules().get(i).label().fi());
        }
        for (int i = 0; i < t.exclusions().size(); i++) {
            form.put("exclusions[" + i + "].key", t.exclusions().get(i).key());
            form.put("exclusions[" + i + "].fi", t.exclusions().get(i).label().fi());
        }
        for (int i = 0; i < TemplateContent.WORDING.size(); i++) {
            form.put("wording[" + i + "].key", TemplateContent.WORDING.get(i));
        }
        return form;
    }

    private static int index(TemplateContent t, String key) {
        for (int i = 0; i < t.rows().size(); i++) {
            if (t.rows().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }

    private int caseVersion(UUID id) {
        return jdbc.sql("select template_version from impact_case where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    private int caseRowVersion(UUID id) {
        return jdbc.sql("select version from impact_case where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    private int audited(Org org, int version) {
        return jdbc.sql("select count(*) from audit_event where organisation_id = ? and entity_type = 'impactTemplate'"
                        + " and entity_id = ?")
                .params(org.id().value(), Integer.toString(version))
                .query(Integer.class)
                .single();
    }

    private static Screening screened() {
        return new Screening(
                true, new java.math.BigDecimal("50"), null, java.util.Set.of(), null, List.of(), List.of());
    }

    private UUID create(Org org, String title, UUID body) {
        return DraftCases.draft(preparation, org.tenant(), title, body, null);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
