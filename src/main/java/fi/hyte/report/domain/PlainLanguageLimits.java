package fi.hyte.report.domain;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The limits of the plain-language checks an organisation chose: {@link PlainLanguage#MAX_WORDS}
 * words a sentence and {@link PlainLanguage#MAX_LETTERS} letters a word unless it chose others.
 */
@Component
public class PlainLanguageLimits {

    public static final int MIN_WORDS = 5;
    public static final int MAX_WORDS = 60;
    public static final int MIN_LETTERS = 8;
    public static final int MAX_LETTERS = 60;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PlainLanguageLimits(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Words a sentence and letters a word above which the check flags them. */
    public record Limits(int maxWords, int maxLetters) {
        public static final Limits DEFAULT = new Limits(PlainLanguage.MAX_WORDS, PlainLanguage.MAX_LETTERS);
    }

    public Limits of(OrganisationId organisation) {
        return jdbc.sql("select max_words, max_letters from report_plain_language where organisation_id = ?")
                .param(organisation.value())
                .query((rs, n) -> new Limits(rs.getInt(1), rs.getInt(2)))
                .optional()
                .orElse(Limits.DEFAULT);
    }

    /** Sets the organisation's limits; outside 5–60 words or 8–60 letters refused, and nothing changes. */
    @Transactional
    public void save(Tenant tenant, Integer maxWords, Integer maxLetters) {
        tenant.require(Role.COORDINATOR);
        if (maxWords == null
                || maxLetters == null
                || maxWords < MIN_WORDS
                || maxWords > MAX_WORDS
                || maxLetters < MIN_LETTERS
                || maxLetters > MAX_LETTERS) {
            throw new ReportProblem("report.problem.plainLimits");
        }
        Limits before = of(tenant.organisation());
        Limits after = new Limits(maxWords, maxLetters);
        if (after.equals(before)) {
            return;
        }
        jdbc.sql("insert into report_plain_language (organisation_id, max_words, max_letters) values (?, ?, ?)"
                        + " on conflict (organisation_id) do update set max_words = excluded.max_words,"
                        + " max_letters = excluded.max_letters, updated_at = now()")
                .params(tenant.organisation().value(), maxWords, maxLetters)
                .update();
        audit.updated(
                tenant,
                "report_plain_language",
                tenant.organisation().value(),
                Map.of("maxWords", before.maxWords(), "maxLetters", before.maxLetters()),
                Map.of("maxWords", maxWords, "maxLetters", maxLetters));
    }
}
