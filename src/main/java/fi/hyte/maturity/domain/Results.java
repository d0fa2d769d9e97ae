package fi.hyte.maturity.domain;

import fi.hyte.maturity.domain.RoundResults.CriterionResult;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Aggregates a round: counts per level come from the database, the rest is arithmetic on those counts. */
@Service
@Transactional(readOnly = true)
public class Results {

    private final Rounds rounds;
    private final MaturityModels models;
    private final MaturityEvidence evidence;

    Results(Rounds rounds, MaturityModels models, MaturityEvidence evidence) {
        this.rounds = rounds;
        this.models = models;
        this.evidence = evidence;
    }

    public RoundResults of(OrganisationId organisation, UUID roundId) {
        MaturityRound round = rounds.find(organisation, roundId).orElseThrow(() -> new NotFoundException("round"));
        MaturityModel model = models.get(round.modelId(), round.modelVersion());
        List<Participant> participants = rounds.participants(organisation, roundId);
        Map<String, Map<Integer, Long>> counts = new TreeMap<>();
        for (Rounds.LevelCount count : rounds.distribution(organisation, roundId)) {
            counts.computeIfAbsent(count.criterion(), k -> new TreeMap<>()).put(count.level(), count.answers());
        }
        Map<String, Consensus> agreed = rounds.consensus(organisation, roundId).stream()
                .collect(Collectors.toMap(Consensus::criterion, Function.identity()));
        Map<String, Consensus> previous = rounds.previousClosed(organisation, round.modelId(), round.assessedOn())
                .map(p -> rounds.consensus(organisation, p.id()).stream()
                        .collect(Collectors.toMap(Consensus::criterion, Function.identity())))
                .orElse(Map.of());
        Map<String, Evidence> derived = evidence.of(
                organisation,
                model.criteria().stream().map(MaturityModel.Criterion::key).toList());
        List<CriterionResult> criteria = new ArrayList<>();
        for (MaturityModel.Criterion criterion : model.criteria()) {
            Map<Integer, Long> distribution = counts.getOrDefault(criterion.key(), Map.of());
            long answers =
                    distribution.values().stream().mapToLong(Long::longValue).sum();
            Consensus before = previous.get(criterion.key());
            criteria.add(new CriterionResult(
                    criterion,
                    distribution,
                    answers,
                    median(distribution, answers),
                    spreadsOverMoreThanTwoLevels(distribution),
                    agreed.get(criterion.key()),
                    before == null ? null : before.level(),
                    derived.get(criterion.key())));
        }
        int submitted =
                (int) participants.stream().filter(Participant::submitted).count();
        return new RoundResults(round, model, participants.size(), submitted, criteria);
    }

    /** The median level from counts per level; halfway between two levels when the count is even. */
    static Double median(Map<Integer, Long> distribution, long answers) {
        if (answers == 0) {
            return null;
        }
        long lowerIndex = (answers - 1) / 2;
        long upperIndex = answers / 2;
        Integer lower = null;
        Integer upper = null;
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : new TreeMap<>(distribution).entrySet()) {
            long next = seen + entry.getValue();
            if (lower == null && lowerIndex < next) {
                lower = entry.getKey();
            }
            if (upper == null && upperIndex < next) {
                upper = entry.getKey();
            }
            seen = next;
        }
        return (lower + upper) / 2.0;
    }

    /** Answers spread over more than two levels when the lowest and highest chosen are over one level apart. */
    static boolean spreadsOverMoreThanTwoLevels(Map<Integer, Long> distribution) {
        List<Integer> chosen = distribution.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        return !chosen.isEmpty() && chosen.get(chosen.size() - 1) - chosen.get(0) >= 2;
    }
}
