package fi.hyte.maturity.demo;

import fi.hyte.maturity.domain.Answer;
import fi.hyte.maturity.domain.Consensus;
import fi.hyte.maturity.domain.CountyComparison;
import fi.hyte.maturity.domain.DevelopmentAction;
import fi.hyte.maturity.domain.MaturityModel;
import fi.hyte.maturity.domain.MaturityModels;
import fi.hyte.maturity.domain.MaturityRound;
import fi.hyte.maturity.domain.Participant;
import fi.hyte.maturity.domain.RoundStatus;
import fi.hyte.maturity.domain.Rounds;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.DemoContent;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.platform.UserId;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Example content: the demo municipality assessed itself in 2021 and in 2025 with seven respondents
 * each, agreed the levels, and set development actions; its county assessed itself in 2025, and both
 * share their levels with each other (the county anonymised). The answers are invented.
 */
@Component
class DemoAssessments implements DemoContent {

    private static final List<String> CRITERIA = List.of("strategy", "collaboration", "goals", "concept", "inequality");

    private final Rounds rounds;
    private final MaturityModels models;
    private final UserAccounts accounts;
    private final CountyComparison comparison;

    DemoAssessments(Rounds rounds, MaturityModels models, UserAccounts accounts, CountyComparison comparison) {
        this.rounds = rounds;
        this.models = models;
        this.accounts = accounts;
        this.comparison = comparison;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    @Transactional
    public void seed() {
        OrganisationId org = OrganisationCatalog.DEMO_MUNICIPALITY;
        if (!rounds.of(org).isEmpty()) {
            return;
        }
        MaturityModel model = models.get(MaturityModels.PROMEQ, 1);
        round(
                org,
                model,
                "Hyte-kypsyysarvio 2021",
                LocalDate.of(2021, 3, 15),
                new int[][] {
                    {2, 2, 2, 2, 1},
                    {2, 1, 2, 2, 1},
                    {1, 2, 1, 2, 1},
                    {2, 2, 2, 1, 2},
                    {3, 2, 2, 2, 1},
                    {2, 2, 3, 2, 1},
                    {2, 1, 2, 2, 2}
                },
                new int[] {2, 2, 2, 2, 1},
                false);
        UUID latest = round(
                org,
                model,
                "Hyte-kypsyysarvio 2025",
                LocalDate.of(2025, 3, 20),
                new int[][] {
                    {3, 3, 2, 3, 2},
                    {3, 3, 1, 3, 2},
                    {3, 2, 3, 3, 2},
                    {4, 3, 2, 3, 2},
                    {3, 3, 2, 2, 3},
                    {3, 3, 3, 3, 2},
                    {2, 3, 2, 3, 2}
                },
                new int[] {3, 3, 2, 3, 2},
                true);
        action(
                org,
                latest,
                "goals",
                "Kytketään hyvinvointisuunnitelman tavoitteet talousarvion sitoviin tavoitteisiin",
                "Hyvinvointikoordinaattori",
                LocalDate.of(2026, 6, 30));
        action(
                org,
                latest,
                "goals",
                "Jokaiselle tavoitteelle mittari, lähtötaso ja tavoitetaso",
                "Hyvinvointiryhmä",
                LocalDate.of(2026, 12, 31));
        action(
                org,
                latest,
                "inequality",
                "Eriarvoisuustavoite jokaiseen hyvinvointisuunnitelman painopisteeseen",
                "Hyvinvointiryhmä",
                LocalDate.of(2027, 3, 31));

        OrganisationId county = OrganisationCatalog.DEMO_COUNTY;
        if (rounds.of(county).isEmpty()) {
            round(
                    county,
                    model,
                    "Alueellinen hyte-kypsyysarvio 2025",
                    LocalDate.of(2025, 5, 12),
                    new int[][] {
                        {3, 2, 3, 3, 3},
                        {3, 2, 3, 2, 3},
                        {4, 3, 3, 3, 3},
                        {3, 2, 2, 3, 2},
                        {3, 2, 3, 3, 3},
                        {3, 3, 3, 3, 3},
                        {2, 2, 3, 3, 3}
                    },
                    new int[] {3, 2, 3, 3, 3},
                    false);
        }
        if (comparison.sharing(org).version() < 0) {
            comparison.choose(new Tenant(org, null, "Hyte (demo)", Role.ADMIN), true, true, -1);
        }
        if (comparison.sharing(county).version() < 0) {
            comparison.choose(new Tenant(county, null, "Hyte (demo)", Role.ADMIN), true, false, -1);
        }
    }

    private UUID round(
            OrganisationId org,
            MaturityModel model,
            String title,
            LocalDate on,
            int[][] answers,
            int[] agreed,
            boolean withUsers) {
        MaturityRound round = new MaturityRound(
                UUID.randomUUID(), model.id(), model.version(), title, on, on.plusWeeks(3), RoundStatus.OPEN, true, 0);
        rounds.insert(org, round);
        List<String> names = List.of(
                "Laura Nieminen",
                "Sari Mäkinen",
                "Eero Heinonen",
                "Mikko Korhonen",
                "Jussi Lehtonen",
                "Outi Hämäläinen",
                "Kari Rantanen");
        List<String> usernames = List.of("koordinaattori", "toimittaja", "katselija");
        for (int i = 0; i < names.size(); i++) {
            UUID user = withUsers && i < usernames.size()
                    ? accounts.find(usernames.get(i)).map(UserId::value).orElse(null)
                    : null;
            Participant participant =
                    new Participant(UUID.randomUUID(), round.id(), names.get(i), user, false, null, 0);
            rounds.insertParticipant(org, participant);
            for (int c = 0; c < CRITERIA.size(); c++) {
                rounds.saveAnswer(org, new Answer(participant.id(), CRITERIA.get(c), answers[i][c], null, null));
            }
            rounds.markSubmitted(org, participant.id(), true, 0);
        }
        rounds.changeStatus(org, round.id(), RoundStatus.OPEN, RoundStatus.REVIEW);
        for (int c = 0; c < CRITERIA.size(); c++) {
            rounds.saveConsensus(
                    org,
                    round.id(),
                    new Consensus(
                            CRITERIA.get(c),
                            agreed[c],
                            "Hyvinvointiryhmän työpajassa sovittu.",
                            "Laura Nieminen",
                            null,
                            0),
                    -1);
        }
        rounds.changeStatus(org, round.id(), RoundStatus.REVIEW, RoundStatus.CLOSED);
        return round.id();
    }

    private void action(OrganisationId org, UUID round, String criterion, String title, String owner, LocalDate due) {
        rounds.insertAction(
                org, new DevelopmentAction(UUID.randomUUID(), round, criterion, title, owner, due, false, 0));
    }
}
