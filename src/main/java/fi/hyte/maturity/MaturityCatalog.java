package fi.hyte.maturity;

import fi.hyte.maturity.domain.MaturityFigures;
import fi.hyte.maturity.domain.MaturityModel;
import fi.hyte.maturity.domain.MaturityRound;
import fi.hyte.maturity.domain.Results;
import fi.hyte.maturity.domain.RoundResults;
import fi.hyte.maturity.domain.RoundResults.CriterionResult;
import fi.hyte.maturity.domain.Rounds;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of the maturity self-assessment (a wellbeing report, a county's
 * overview): a round's agreed levels with their movement against the previous round, and the matrix
 * as the same SVG the maturity pages show, with its text alternative.
 */
@Service
@Transactional(readOnly = true)
public class MaturityCatalog {

    private final Rounds rounds;
    private final Results results;
    private final MaturityFigures figures;

    MaturityCatalog(Rounds rounds, Results results, MaturityFigures figures) {
        this.rounds = rounds;
        this.results = results;
        this.figures = figures;
    }

    /** The latest closed round's agreed levels; empty when no round has been closed. */
    public Optional<Standing> latest(OrganisationId organisation) {
        return latestClosed(organisation).map(round -> standing(results.of(organisation, round.id())));
    }

    /**
     * The latest closed round's agreed levels and its matrix in each of the languages (by language
     * code), from one reading of the round's results; empty when no round has been closed.
     */
    public Optional<LatestWithMatrix> latestWithMatrix(OrganisationId organisation, List<Locale> locales) {
        return latestClosed(organisation).map(round -> {
            RoundResults shown = results.of(organisation, round.id());
            Map<String, MatrixFigure> matrices = new LinkedHashMap<>();
            locales.forEach(locale -> matrices.put(locale.getLanguage(), figure(shown, locale)));
            return new LatestWithMatrix(standing(shown), matrices);
        });
    }

    /** A round's agreed levels with its matrix by language code. */
    public record LatestWithMatrix(Standing standing, Map<String, MatrixFigure> matrices) {}

    private Optional<MaturityRound> latestClosed(OrganisationId organisation) {
        return rounds.of(organisation).stream().filter(MaturityRound::closed).findFirst();
    }

    /** One round of the organisation's, closed or not (its levels may still be unagreed). */
    public Optional<Standing> round(OrganisationId organisation, UUID round) {
        return rounds.find(organisation, round).map(r -> standing(results.of(organisation, r.id())));
    }

    /**
     * The matrix of a round as SVG with the agreed levels marked, its title, a description for the
     * {@code desc} element and a text alternative that names each criterion's agreed level.
     */
    public Optional<MatrixFigure> matrix(OrganisationId organisation, UUID round, Locale locale) {
        return rounds.find(organisation, round).map(r -> {
            RoundResults shown = results.of(organisation, r.id());
            return figure(shown, locale);
        });
    }

    private MatrixFigure figure(RoundResults shown, Locale locale) {
        MaturityFigures.Figure f = figures.matrix(shown, locale);
        return new MatrixFigure(f.svg(), f.title(), f.description(), f.agreedLevels());
    }

    /** The matrix as a picture and as words. */
    public record MatrixFigure(String svg, String title, String description, String agreedLevels) {}

    private static Standing standing(RoundResults shown) {
        MaturityModel model = shown.model();
        List<CriterionStanding> criteria =
                shown.criteria().stream().map(c -> criterion(model, c)).toList();
        MaturityRound round = shown.round();
        return new Standing(
                round.id(), round.title(), round.assessedOn(), round.closed(), model.id(), model.version(), criteria);
    }

    private static CriterionStanding criterion(MaturityModel model, CriterionResult c) {
        Integer level = c.consensus() == null ? null : c.consensus().level();
        return new CriterionStanding(
                c.criterion().key(),
                c.criterion().title(),
                level,
                level == null ? null : model.level(level).name(),
                c.previousLevel(),
                c.movement(),
                c.evidence().suggestedLevel());
    }

    /**
     * A round's agreed levels.
     *
     * @param model the maturity model's id (e.g. promeq-2019) and its version
     */
    public record Standing(
            UUID roundId,
            String roundTitle,
            LocalDate assessedOn,
            boolean closed,
            String model,
            int modelVersion,
            List<CriterionStanding> criteria) {}

    /**
     * One criterion: the agreed level (1–4) and its name, the previous closed round's agreed level,
     * the movement (+1 up, −1 down, 0 the same, null when either is missing) and the level Hyte's own
     * data suggests (null when it has no data).
     */
    public record CriterionStanding(
            String key,
            LocalizedText title,
            Integer level,
            LocalizedText levelName,
            Integer previousLevel,
            Integer movement,
            Integer suggestedLevel) {}
}
