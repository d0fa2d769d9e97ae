package fi.hyte.maturity.domain;

import java.util.List;
import java.util.Map;

/**
 * What a round shows: per criterion the distribution of submitted answers, their median, whether
 * they spread over more than two levels, the agreed level, the previous round's agreed level and
 * the level Hyte's own data suggests.
 */
public record RoundResults(
        MaturityRound round, MaturityModel model, int respondents, int submitted, List<CriterionResult> criteria) {

    /** The results of one criterion. */
    public record CriterionResult(
            MaturityModel.Criterion criterion,
            Map<Integer, Long> distribution,
            long answers,
            Double median,
            boolean disagreement,
            Consensus consensus,
            Integer previousLevel,
            Evidence evidence) {

        /** The share of answers at a level, 0–100, for the bar's width. */
        public long percent(int level) {
            return answers == 0 ? 0 : Math.round(100.0 * distribution.getOrDefault(level, 0L) / answers);
        }

        /** +1 up, -1 down, 0 same, null when either round has no agreed level. */
        public Integer movement() {
            if (consensus == null || previousLevel == null) {
                return null;
            }
            return Integer.compare(consensus.level(), previousLevel);
        }
    }
}
