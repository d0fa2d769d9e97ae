package fi.hyte.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.impact.domain.Preparation;
import fi.hyte.impact.domain.TemplateContent;
import fi.hyte.impact.domain.Templates;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** §2 and §10: a newer template version is offered with its differences, never applied silently; one in use stays. */
@HyteSpringTest
class ImpactTemplateVersionTests {

    @LocalServerPort
    int port;

    @Autowired
    ImpactCaseMaker make;

    @Autowired
    Templates templates;

    @Autowired
    Preparation preparation;

    private int newVersion(Tenant t, BigDecimal euros) {
        Templates.TemplateVersion latest = templates.latest(t.organisation());
        TemplateContent c = latest.content();
        return templates.saveNew(
                t,
                latest.version(),
                c.withThresholds(c.shareThreshold(), euros, c.accumulationMonths(), c.areas(), c.diaryPattern()),
                "Kynnys muutettu");
    }

    @Test
    void aNewerVersionIsOfferedWithItsDifferencesAndAppliedOnlyWhenThePreparerChooses() {
        Org org = make.org("tplv");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        UUID id = make.create(org, t, "Pohja", LocalDate.now().plusMonths(1));
        int first = make.get(t, id).templateVersion();
        BigDecimal oldEuros = preparation.template(t, make.get(t, id)).eurosThreshold();
        int next = newVersion(t, BigDecimal.valueOf(250_000));
        assertThat(next).isEqualTo(first + 1);

        assertThat(make.get(t, id).templateVersion()).isEqualTo(first);
        assertThat(preparation.template(t, make.get(t, id)).eurosThreshold()).isEqualByComparingTo(oldEuros);
        assertThat(Templates.differences(
                        templates.find(org.id(), first).orElseThrow().content(),
                        templates.find(org.id(), next).orElseThrow().content()))
                .extracting(Templates.Difference::key)
                .containsExactly("impact.template.diff.euros");

        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String page = coordinator.get("/impact/cases/" + id + "?lang=fi").body();
        assertThat(page).contains("Arviointipohjasta on uudempi versio " + next).contains("Euromääräinen kynnys");
        assertThat(page).contains("250000");
        assertThat(make.get(t, id).templateVersion()).isEqualTo(first);

        var adopted = coordinator.post(
                "/impact/cases/" + id + "/template",
                Map.of("templateVersion", String.valueOf(next), "version", String.valueOf(make.version(t, id))));
        assertThat(adopted.status()).isEqualTo(302);
        assertThat(make.get(t, id).templateVersion()).isEqualTo(next);
        assertThat(preparation.template(t, make.get(t, id)).eurosThreshold())
                .isEqualByComparingTo(BigDecimal.valueOf(250_000));
        assertThat(coordinator.get("/impact/cases/" + id + "?lang=fi").body())
                .doesNotContain("Arviointipohjasta on uudempi versio");
    }

    @Test
    void aVersionInUseCannotBeDeletedItIsRefusedWithAMessageAndNothingChanges() {
        Org org = make.org("tpld");
        Tenant t = make.tenant(org, Role.COORDINATOR);
        templates.latest(org.id());
        int second = newVersion(t, BigDecimal.valueOf(300_000));
        UUID id = make.create(org, t, "Käytössä", LocalDate.now().plusMonths(1));
        assertThat(make.get(t, id).templateVersion()).isEqualTo(second);

        assertThat(templates.deleteLatest(t, second)).isFalse();
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        var refused = coordinator.post("/impact/templates/delete", Map.of("version", String.valueOf(second)));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(coordinator.get("/impact/templates?lang=fi").body())
                .contains("Versiota ei poistettu: se on arvioinnin käytössä tai ainoa versio.");
        assertThat(templates.latest(org.id()).version()).isEqualTo(second);
        assertThat(templates.find(org.id(), second)).isPresent();
        assertThat(make.get(t, id).templateVersion()).isEqualTo(second);

        int third = newVersion(t, BigDecimal.valueOf(400_000));
        assertThat(templates.deleteLatest(t, third)).isTrue();
        assertThat(templates.latest(org.id()).version()).isEqualTo(second);
    }
}
