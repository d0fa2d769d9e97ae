package fi.hyte.maturity.domain;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserId;
import fi.hyte.platform.mail.DigestContent;
import fi.hyte.platform.mail.MailKind;
import fi.hyte.platform.mail.MailLine;
import fi.hyte.platform.mail.MailSection;
import fi.hyte.platform.mail.Notice;
import fi.hyte.platform.mail.Outbox;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The maturity assessment's mail: the notice to a respondent asked to answer a round, and in the
 * weekly digest the open rounds still awaiting the person's answer.
 */
@Component
class MaturityMail implements DigestContent {

    private final Rounds rounds;
    private final Outbox outbox;

    MaturityMail(Rounds rounds, Outbox outbox) {
        this.rounds = rounds;
        this.outbox = outbox;
    }

    @Override
    @Transactional(readOnly = true)
    public Part prepare(OrganisationId organisation, LocalDate today, Instant since) {
        Map<UUID, List<MailLine>> awaiting = new HashMap<>();
        for (MaturityRound round : rounds.of(organisation)) {
            if (round.status() != RoundStatus.OPEN) {
                continue;
            }
            for (Participant p : rounds.participants(organisation, round.id())) {
                if (p.userId() != null && !p.submitted()) {
                    awaiting.computeIfAbsent(p.userId(), u -> new ArrayList<>()).add(line(round, p));
                }
            }
        }
        return user -> {
            List<MailLine> lines = awaiting.get(user.value());
            return lines == null ? List.of() : List.of(new MailSection("maturitymail.section.awaiting", lines));
        };
    }

    private static MailLine line(MaturityRound round, Participant p) {
        String path = "/maturity/rounds/" + round.id() + "/answers/" + p.id();
        return round.deadline() == null
                ? MailLine.of("maturitymail.line.open", path, round.title())
                : MailLine.of("maturitymail.line.deadline", path, round.title(), round.deadline());
    }

    /** Asks a respondent with a Hyte account to answer, in the transaction that opens the round. */
    void answerRequested(Tenant tenant, MaturityRound round, Participant participant) {
        if (participant.userId() == null
                || (tenant.user() != null
                        && participant.userId().equals(tenant.user().value()))) {
            return;
        }
        outbox.queue(new Notice(
                tenant.organisation(),
                new UserId(participant.userId()),
                MailKind.ANSWER_REQUESTED,
                MailLine.of("maturitymail.request.subject", null, round.title()),
                List.of(line(round, participant), MailLine.of("maturitymail.request.by", null, tenant.userName())),
                "/maturity/rounds/" + round.id() + "/answers/" + participant.id()));
    }
}
