package fi.hyte.participation.demo;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.organisation.OrganisationCatalog.CouncilSummary;
import fi.hyte.participation.domain.CouncilStatements;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Tenant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The demo's closed consultation heard two influence councils: the youth council and the older
 * people's council each gave a statement, entered through {@link CouncilStatements} as a
 * coordinator would and labelled as example content.
 */
@Component
class DemoCouncilStatements {

    static final List<String> TYPES = List.of("YOUTH_COUNCIL", "OLDER_PEOPLE_COUNCIL");

    private final OrganisationCatalog organisations;
    private final CouncilStatements statements;

    DemoCouncilStatements(OrganisationCatalog organisations, CouncilStatements statements) {
        this.organisations = organisations;
        this.statements = statements;
    }

    /** The demo councils the consultation invites: the youth council and the older people's council. */
    List<UUID> invited(OrganisationId organisation) {
        return councils(organisation).stream().map(CouncilSummary::id).toList();
    }

    /** Enters both councils' statements on the consultation (met before it closed on the given day). */
    void enter(Tenant tenant, UUID consultation, LocalDate closedOn) {
        for (CouncilSummary council : councils(tenant.organisation())) {
            boolean youth = council.type().equals("YOUTH_COUNCIL");
            List<String> problems = statements.enter(
                    tenant,
                    consultation,
                    council.id(),
                    true,
                    closedOn.minusDays(youth ? 9 : 6),
                    youth ? "5 §" : "12 §",
                    youth
                            ? "Esimerkki: Nuorisovaltuusto pitää tärkeimpänä, että koulupsykologille pääsee"
                                    + " viikossa ja että nuorisotilat ovat auki myös viikonloppuisin. Harrastusten"
                                    + " hinta ei saa estää osallistumista."
                            : "Esimerkki: Vanhusneuvosto toivoo, että kuljetuspalvelu ulottuu iltaan ja että"
                                    + " yksinäisyyttä ehkäistään yhdessä järjestöjen kanssa. Ulkoilureittien"
                                    + " valaistus ja penkit auttavat ikäihmisiä liikkumaan.",
                    youth
                            ? "Exempel: Ungdomsfullmäktige anser att det viktigaste är att man får tid hos"
                                    + " skolpsykologen inom en vecka och att ungdomslokalerna är öppna också på"
                                    + " veckoslut. Priset får inte hindra någon från att ha en hobby."
                            : "Exempel: Äldrerådet önskar att färdtjänsten når in på kvällen och att ensamhet"
                                    + " förebyggs tillsammans med organisationerna. Belysta friluftsleder och"
                                    + " bänkar hjälper äldre att röra på sig.",
                    0);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Demo council statement refused: " + problems);
            }
        }
    }

    private List<CouncilSummary> councils(OrganisationId organisation) {
        return organisations.councils(organisation).stream()
                .filter(c -> TYPES.contains(c.type()))
                .sorted((a, b) -> TYPES.indexOf(a.type()) - TYPES.indexOf(b.type()))
                .toList();
    }
}
