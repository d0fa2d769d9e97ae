package fi.hyte.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.domain.Imports;
import fi.hyte.indicator.domain.ValueImport;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanRoundTrip;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * A small XLSX that unpacks to hundreds of megabytes, sent to the plan import and the indicator
 * import, is refused with a message in the user's language, and refusing it allocates little; while
 * every turn to read a file is taken, an import is refused with a "try again shortly".
 */
@HyteSpringTest
class UploadBombTests {

    static final Locale SWEDISH = Locale.forLanguageTag("sv");
    static final long LIMIT = 200L * 1024 * 1024;

    static byte[] bomb;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAccounts users;

    @Autowired
    PlanEditing editing;

    @Autowired
    PlanRoundTrip roundTrip;

    @Autowired
    Imports imports;

    @Autowired
    MessageSource messages;

    @Autowired
    Spreadsheets spreadsheets;

    Fixtures.Org org;
    Tenant coordinator;
    Plan plan;

    @BeforeAll
    static void bomb() throws IOException {
        bomb = SpreadsheetsTests.bomb(3, 85_000);
    }

    @BeforeEach
    void plan() {
        org = fixtures.organisation(
                "bomb" + UUID.randomUUID().toString().substring(0, 6), RegionKind.MUNICIPALITY, "092");
        coordinator =
                new Tenant(org.id(), users.find(org.user(Role.COORDINATOR)).orElseThrow(), "Kaisa", Role.COORDINATOR);
        plan = editing.createPlan(
                coordinator, new Plan(null, LocalizedText.of("Suunnitelma", null), 2025, 2029, null, null, false, 0));
    }

    @Test
    void workbookBombSentToThePlanImportIsRefusedInTheUsersLanguageAndAllocatesLittle() {
        long before = SpreadsheetsTests.allocated();
        PlanRoundTrip.Result result = roundTrip.importFile(coordinator, plan.id(), "plan.xlsx", bomb, SWEDISH);
        String shown = result.problems().get(0).text(messages, SWEDISH);
        long used = SpreadsheetsTests.allocated() - before;
        assertThat(result.saved()).isFalse();
        assertThat(shown).startsWith("Filen läses inte: den packas upp till mer än 128 MB");
        assertThat(used).as("bytes allocated by the import").isLessThan(LIMIT);

        WebSession session = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        session.get("/?lang=sv");
        WebSession.Response page = session.postFile("/plan/" + plan.id() + "/import", "file", "plan.xlsx", bomb);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Filen läses inte: den packas upp till mer än 128 MB", "Ingenting sparades.");
    }

    @Test
    void workbookBombSentToTheIndicatorImportIsRefusedInTheUsersLanguageAndAllocatesLittle() {
        long before = SpreadsheetsTests.allocated();
        ValueImport.Result result = imports.importNow(coordinator, "arvot.xlsx", bomb);
        long used = SpreadsheetsTests.allocated() - before;
        assertThat(result.accepted()).isFalse();
        assertThat(result.problems()).extracting(FileProblem::code).containsExactly("unpacksTooLarge");
        assertThat(result.problems().get(0).text(messages, Locale.forLanguageTag("fi")))
                .startsWith("Tiedostoa ei lueta: se purkautuu suuremmaksi kuin 128 Mt");
        assertThat(used).as("bytes allocated by the import").isLessThan(LIMIT);
    }

    @Test
    void importWaitingLongerThanItsTurnIsRefusedWithTryAgainShortly() throws Exception {
        WebSession session = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        session.get("/?lang=sv");
        WebSession.Response page;
        try (AutoCloseable held = spreadsheets.holdAllTurns()) {
            page = session.postFile(
                    "/plan/" + plan.id() + "/import",
                    "file",
                    "plan.csv",
                    "Tunnus;Toimenpide\nTP-1;x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Hyte läser andra filer just nu. Försök igen om en stund.");
    }
}
