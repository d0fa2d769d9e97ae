package fi.hyte.participation.domain;

import fi.hyte.plan.PlanCatalog;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' feedback on a measure of the published plan, with the public forms' protections
 * (signed token, honeypot, duplicates refused, five per ten minutes per client and organisation,
 * personal data held). It lands in the responsible sector's list; staff answer it, and what the
 * resident allowed to be published shows on the measure's public page with its answer.
 */
@Service
@Transactional
public class MeasureFeedback {

    private final JdbcClient jdbc;
    private final FormTokens tokens;
    private final PlanCatalog plans;
    private final AuditLog audit;
    private final ZoneId zone;

    MeasureFeedback(
            JdbcClient jdbc,
            FormTokens tokens,
            PlanCatalog plans,
            AuditLog audit,
            @Value("${hyte.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.plans = plans;
        this.audit = audit;
        this.zone = ZoneId.of(zone);
    }

    /** What a resident sent about a measure. */
    public record Submission(String token, String honeypot, String text, String nickname, boolean mayPublish) {}

    /** One feedback item as staff see it (and, when published, the public). */
    public record Item(
            UUID id,
            String measureRef,
            String measureTitle,
            UUID sector,
            String text,
            String nickname,
            boolean mayPublish,
            String status,
            String heldReason,
            String removedReason,
            String removedNote,
            LocalizedText answer,
            String answeredBy,
            OffsetDateTime answeredAt,
            OffsetDateTime submittedAt,
            int version) {

        public boolean answered() {
            return answer.fi() != null;
        }
    }

    /** The form token's subject: one per organisation and measure. */
    public static UUID formKey(OrganisationId organisation, String ref) {
        return UUID.nameUUIDFromBytes(
                ("feedback|" + organisation.value() + "|" + ref).getBytes(StandardCharsets.UTF_8));
    }

    public String issueToken(OrganisationId organisation, String ref, Instant now) {
        return tokens.issue(formKey(organisation, ref), now);
    }

    /** Accepts feedback on a measure of the published plan; the outcome as for a consultation's answer. */
    public Answering.Outcome submit(
            OrganisationId organisation,
            PublishedPlan plan,
            PublishedPlan.Measure measure,
            Submission s,
            String clientAddress,
            Instant now) {
        if (!tokens.valid(s.token(), formKey(organisation, measure.ref()), now)) {
            return new Answering.Outcome("REFUSED", List.of("participation.answer.problem.token"));
        }
        if (s.honeypot() != null && !s.honeypot().isBlank()) {
            return new Answering.Outcome("HELD", List.of());
        }
        List<String> problems = new ArrayList<>();
        String text = Moderation.blank(s.text());
        String nickname = Moderation.blank(s.nickname());
        if (text == null) {
            problems.add("participation.answer.problem.empty");
        } else if (text.length() > Answering.MAX_TEXT) {
            problems.add("participation.answer.problem.tooLong");
        }
        if (nickname != null && nicknameRefused(nickname)) {
            problems.add("participation.answer.problem.nickname");
        }
        if (!problems.isEmpty()) {
            return new Answering.Outcome("REFUSED", problems);
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("feedback|" + organisation.value())
                .query((rs, n) -> 1)
                .list();
        String client = tokens.clientHash(clientAddress == null ? "" : clientAddress, LocalDate.ofInstant(now, zone));
        long recent = jdbc.sql("select count(*) from measure_feedback where organisation_id = ? and client_hash = ? and"
                        + " submitted_at > ?")
                .params(organisation.value(), client, Timestamp.from(now.minusSeconds(600)))
                .query(Long.class)
                .single();
        if (recent >= Answering.PER_CLIENT) {
            return new Answering.Outcome("REFUSED", List.of("participation.answer.problem.throttled"));
        }
        Optional<String> held = Answering.personalData(text);
        UUID sector = plans.content(organisation, plan.planId())
                .flatMap(content -> content.lines().stream()
                        .flatMap(l -> l.goals().stream())
                        .flatMap(g -> g.measures().stream())
                        .filter(m -> measure.ref().equals(m.ref()))
                        .findFirst())
                .map(PlanCatalog.MeasureInfo::sectorId)
                .orElse(null);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql(
                            "insert into measure_feedback (id, organisation_id, plan_id, measure_ref, measure_title, sector_id,"
                                    + " text, nickname, may_publish, status, held_reason, client_hash, content_hash,"
                                    + " submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            organisation.value(),
                            plan.planId(),
                            measure.ref(),
                            measure.title().fi(),
                            sector,
                            text,
                            nickname,
                            s.mayPublish(),
                            held.isPresent() ? "HELD" : "PUBLISHED",
                            held.orElse(null),
                            client,
                            FormTokens.hashOf(text.toLowerCase(java.util.Locale.ROOT)),
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            return new Answering.Outcome("REFUSED", List.of("participation.answer.problem.duplicate"));
        }
        audit.system(
                organisation,
                null,
                "resident",
                "measureFeedback",
                id,
                "CREATE",
                null,
                Map.of("measure", measure.ref(), "mayPublish", s.mayPublish()));
        return new Answering.Outcome(held.isPresent() ? "HELD" : "PUBLISHED", List.of());
    }

    static boolean nicknameRefused(String nickname) {
        return nickname.length() > 40
                || Answering.EMAIL.matcher(nickname).find()
                || Answering.PHONE.matcher(nickname).find()
                || nickname.replaceAll("\\D", "").length() >= 6;
    }

    /** Feedback for staff, newest first: of one sector, of measures without a sector (NONE), or all (null). */
    @Transactional(readOnly = true)
    public List<Item> list(OrganisationId organisation, String sector) {
        String where = sector == null ? "" : sector.equals("NONE") ? " and sector_id is null" : " and sector_id = ?";
        var query = jdbc.sql(SELECT + " where organisation_id = ?" + where + " order by submitted_at desc limit 500")
                .param(organisation.value());
        if (sector != null && !sector.equals("NONE")) {
            query = query.param(UUID.fromString(sector));
        }
        return query.query(MeasureFeedback::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<Item> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(SELECT + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(MeasureFeedback::map)
                .optional();
    }

    /** What the public sees on a measure's page: allowed, answered, not held or removed, oldest first. */
    @Transactional(readOnly = true)
    public List<Item> published(OrganisationId organisation, UUID plan, String ref) {
        return jdbc.sql(SELECT + " where organisation_id = ? and plan_id = ? and measure_ref = ? and may_publish and"
                        + " status = 'PUBLISHED' and answer_fi is not null order by submitted_at")
                .params(organisation.value(), plan, ref)
                .query(MeasureFeedback::map)
                .list();
    }

    /** Changes whenever the public part of a measure's feedback changes (its ETag). */
    @Transactional(readOnly = true)
    public String version(OrganisationId organisation, UUID plan, String ref) {
        return jdbc.sql("select count(*) || '.' || coalesce(sum(version), 0) from measure_feedback where"
                        + " organisation_id = ? and plan_id = ? and measure_ref = ?")
                .params(organisation.value(), plan, ref)
                .query(String.class)
                .single();
    }

    /** Staff answer feedback (editors and above); a problem key, "conflict", or empty when saved. */
    public Optional<String> answer(Tenant tenant, UUID id, int version, String answerFi, String answerSv) {
        tenant.require(Role.EDITOR);
        Item before = find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("Feedback"));
        String fi = Moderation.blank(answerFi);
        String sv = Moderation.blank(answerSv);
        if (fi == null) {
            return Optional.of("participation.feedback.problem.answer");
        }
        if (fi.length() > 5000 || (sv != null && sv.length() > 5000)) {
            return Optional.of("participation.feedback.problem.answerTooLong");
        }
        int changed = jdbc.sql(
                        "update measure_feedback set answer_fi = ?, answer_sv = ?, answered_by = ?, answered_at ="
                                + " now(), version = version + 1 where organisation_id = ? and id = ? and version = ?")
                .params(fi, sv, tenant.userName(), tenant.organisation().value(), id, version)
                .update();
        if (changed == 0) {
            return Optional.of("conflict");
        }
        audit.updated(
                tenant,
                "measureFeedback",
                id,
                Map.of("answer", String.valueOf(before.answer().fi())),
                Map.of("answer", fi, "answerSv", String.valueOf(sv)));
        return Optional.empty();
    }

    /** A moderator (coordinator) shows held feedback, or hides it with a listed reason. */
    public Optional<String> moderate(Tenant tenant, UUID id, int version, boolean show, String reason, String note) {
        tenant.require(Role.COORDINATOR);
        Item before = find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("Feedback"));
        if (!show) {
            List<String> problems = Moderation.reasonProblems(reason, note);
            if (!problems.isEmpty()) {
                return Optional.of(problems.get(0));
            }
        }
        int changed = jdbc.sql("update measure_feedback set status = ?, removed_reason = ?, removed_note = ?,"
                        + " moderated_by = ?, moderated_at = now(), version = version + 1 where organisation_id = ? and"
                        + " id = ? and version = ?")
                .params(
                        show ? "PUBLISHED" : "REMOVED",
                        show ? null : reason,
                        show ? null : Moderation.blank(note),
                        tenant.userName(),
                        tenant.organisation().value(),
                        id,
                        version)
                .update();
        if (changed == 0) {
            return Optional.of("conflict");
        }
        audit.updated(
                tenant,
                "measureFeedback",
                id,
                Map.of("status", before.status()),
                Map.of("status", show ? "PUBLISHED" : "REMOVED", "reason", String.valueOf(reason)));
        return Optional.empty();
    }

    private static final String SELECT = "select id, measure_ref, measure_title, sector_id, text, nickname,"
            + " may_publish, status, held_reason, removed_reason, removed_note, answer_fi, answer_sv, answered_by,"
            + " answered_at, submitted_at, version from measure_feedback";

    private static Item map(ResultSet rs, int row) throws SQLException {
        return new Item(
                rs.getObject("id", UUID.class),
                rs.getString("measure_ref"),
                rs.getString("measure_title"),
                rs.getObject("sector_id", UUID.class),
                rs.getString("text"),
                rs.getString("nickname"),
                rs.getBoolean("may_publish"),
                rs.getString("status"),
                rs.getString("held_reason"),
                rs.getString("removed_reason"),
                rs.getString("removed_note"),
                new LocalizedText(rs.getString("answer_fi"), rs.getString("answer_sv"), null),
                rs.getString("answered_by"),
                rs.getObject("answered_at", OffsetDateTime.class),
                rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getInt("version"));
    }
}
