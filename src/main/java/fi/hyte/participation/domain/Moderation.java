package fi.hyte.participation.domain;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderators (coordinators) approve held answers and hide or edit answers with a listed reason; of
 * two moderators acting on one answer, the later is refused and told what the other did (the
 * answer's version). Residents flag published answers (throttled per client like answering), an
 * author withdraws their own answer with the private link given when it was sent, and a classroom
 * gives the consultation's workshop code to be counted as many clients. Every act is audited; the
 * audit records reasons and states, never the residents' texts, so purging a text purges it.
 */
@Service
@Transactional
public class Moderation {

    public static final List<String> REASONS = List.of("PERSONAL_DATA", "HARASSMENT", "SPAM", "OFF_TOPIC", "OTHER");

    /** Answers per ten minutes from one network that gives the workshop code (a class of 30, a few each). */
    public static final int WORKSHOP_PER_CLIENT = 200;

    /** Flags per ten minutes from one client on one consultation. */
    public static final int FLAGS_PER_CLIENT = 5;

    private final JdbcClient jdbc;
    private final Consultations consultations;
    private final FormTokens tokens;
    private final AuditLog audit;
    private final ZoneId zone;

    Moderation(
            JdbcClient jdbc,
            Consultations consultations,
            FormTokens tokens,
            AuditLog audit,
            @Value("${hyte.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.consultations = consultations;
        this.tokens = tokens;
        this.audit = audit;
        this.zone = ZoneId.of(zone);
    }

    /** An answer waiting for a moderator (held, or flagged by residents), with its texts. */
    public record Item(
            UUID id,
            UUID consultation,
            LocalizedText consultationTitle,
            OffsetDateTime submittedAt,
            String nickname,
            String status,
            String heldReason,
            int flags,
            boolean edited,
            int version,
            List<Text> texts) {}

    /** One text of an answer: its key ({@code s<section id>} or {@code q<question id>}), what it answers, the text. */
    public record Text(String key, LocalizedText label, String text) {}

    /** What a moderator (the other one, on a conflict) did: status, reason, note, by whom and when. */
    public record Decision(String status, String reason, String note, boolean edited, String by, OffsetDateTime at) {}

    /** The result of a moderator's act: problems (message keys), or the other moderator's decision. */
    public record Result(List<String> problems, Decision conflict) {

        static final Result OK = new Result(List.of(), null);

        public boolean ok() {
            return problems.isEmpty() && conflict == null;
        }
    }

    /** The organisation's queue: held answers first, then flagged ones, oldest first. */
    @Transactional(readOnly = true)
    public List<Item> queue(OrganisationId organisation) {
        List<UUID> ids = jdbc.sql("select id from consultation_response where organisation_id = ? and (status = 'HELD'"
                        + " or (status = 'PUBLISHED' and flags > 0)) order by status = 'HELD' desc, submitted_at"
                        + " limit 200")
                .param(organisation.value())
                .query(UUID.class)
                .list();
        List<Item> items = new ArrayList<>();
        for (UUID id : ids) {
            find(organisation, id).ifPresent(items::add);
        }
        return items;
    }

    /** Every answer of one consultation, newest first, for a moderator who looks beyond the queue. */
    @Transactional(readOnly = true)
    public List<Item> answers(OrganisationId organisation, UUID consultation) {
        List<UUID> ids = jdbc.sql(
                        "select id from consultation_response where organisation_id = ? and consultation_id = ?"
                                + " order by submitted_at desc limit 500")
                .params(organisation.value(), consultation)
                .query(UUID.class)
                .list();
        List<Item> items = new ArrayList<>();
        for (UUID id : ids) {
            find(organisation, id).ifPresent(items::add);
        }
        return items;
    }

    @Transactional(readOnly = true)
    public Optional<Item> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(
                        "select r.id, r.consultation_id, c.title_fi, c.title_sv, c.title_en, r.submitted_at, r.nickname,"
                                + " r.status, r.held_reason, r.flags, r.edited, r.version from consultation_response r join"
                                + " consultation c on c.id = r.consultation_id and c.organisation_id = r.organisation_id where"
                                + " r.organisation_id = ? and r.id = ?")
                .params(organisation.value(), id)
                .query((rs, n) -> new Item(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        new LocalizedText(rs.getString(3), rs.getString(4), rs.getString(5)),
                        rs.getObject(6, OffsetDateTime.class),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getInt(10),
                        rs.getBoolean(11),
                        rs.getInt(12),
                        List.of()))
                .optional()
                .map(item -> new Item(
                        item.id(),
                        item.consultation(),
                        item.consultationTitle(),
                        item.submittedAt(),
                        item.nickname(),
                        item.status(),
                        item.heldReason(),
                        item.flags(),
                        item.edited(),
                        item.version(),
                        texts(organisation, item.consultation(), item.id())));
    }

    private List<Text> texts(OrganisationId organisation, UUID consultation, UUID response) {
        Map<UUID, LocalizedText> labels = new LinkedHashMap<>();
        consultations.sections(organisation, consultation).forEach(s -> labels.put(s.id(), s.title()));
        consultations.questions(organisation, consultation).forEach(q -> labels.put(q.id(), q.text()));
        return jdbc.sql("select section_id, question_id, text from consultation_answer where organisation_id = ? and"
                        + " response_id = ? and text is not null order by section_id is null, question_id")
                .params(organisation.value(), response)
                .query((rs, n) -> {
                    UUID section = rs.getObject(1, UUID.class);
                    UUID question = rs.getObject(2, UUID.class);
                    UUID ref = section != null ? section : question;
                    return new Text(
                            (section != null ? "s" : "q") + ref,
                            labels.getOrDefault(ref, new LocalizedText("", null, null)),
                            rs.getString(3));
                })
                .list();
    }

    /** Shows a held answer (or clears a flagged one's flags). */
    public Result approve(Tenant tenant, UUID id, int version) {
        tenant.require(Role.COORDINATOR);
        Item item = existing(tenant, id);
        int changed = jdbc.sql(
                        "update consultation_response set status = 'PUBLISHED', flags = 0, removed_reason = null,"
                                + " removed_note = null, moderated_by = ?, moderated_at = now(), version = version + 1 where"
                                + " organisation_id = ? and id = ? and version = ?")
                .params(tenant.userName(), tenant.organisation().value(), id, version)
                .update();
        if (changed == 0) {
            return new Result(List.of(), decision(tenant.organisation(), id));
        }
        audit.updated(tenant, "consultationResponse", id, state(item), Map.of("status", "PUBLISHED", "flags", 0));
        return Result.OK;
    }

    /** Hides an answer; the public sees "removed by the moderator" and the reason. */
    public Result hide(Tenant tenant, UUID id, int version, String reason, String note) {
        tenant.require(Role.COORDINATOR);
        Item item = existing(tenant, id);
        List<String> problems = reasonProblems(reason, note);
        if (!problems.isEmpty()) {
            return new Result(problems, null);
        }
        int changed = jdbc.sql("update consultation_response set status = 'REMOVED', removed_reason = ?, removed_note ="
                        + " ?, flags = 0, moderated_by = ?, moderated_at = now(), version = version + 1 where"
                        + " organisation_id = ? and id = ? and version = ?")
                .params(
                        reason,
                        blank(note),
                        tenant.userName(),
                        tenant.organisation().value(),
                        id,
                        version)
                .update();
        if (changed == 0) {
            return new Result(List.of(), decision(tenant.organisation(), id));
        }
        audit.updated(
                tenant,
                "consultationResponse",
                id,
                state(item),
                Map.of("status", "REMOVED", "reason", reason, "note", String.valueOf(blank(note))));
        return Result.OK;
    }

    /**
     * Replaces texts of an answer (e.g. to take out someone's phone number) and shows it, marked as
     * edited by the moderator with the reason; the resident's own text is kept apart until the
     * removed texts are purged.
     */
    public Result edit(Tenant tenant, UUID id, int version, Map<String, String> texts, String reason, String note) {
        tenant.require(Role.COORDINATOR);
        Item item = existing(tenant, id);
        List<String> problems = new ArrayList<>(reasonProblems(reason, note));
        Map<String, String> changes = new LinkedHashMap<>();
        for (Text t : item.texts()) {
            String given = texts.get(t.key());
            if (given == null) {
                continue;
            }
            String text = given.strip();
            if (text.isEmpty()) {
                problems.add("participation.moderation.problem.emptyText");
            } else if (text.length() > Answering.MAX_TEXT) {
                problems.add("participation.answer.problem.tooLong");
            } else if (!text.equals(t.text())) {
                changes.put(t.key(), text);
            }
        }
        if (changes.isEmpty() && problems.isEmpty()) {
            problems.add("participation.moderation.problem.unchanged");
        }
        if (!problems.isEmpty()) {
            return new Result(problems.stream().distinct().toList(), null);
        }
        int changed = jdbc.sql(
                        "update consultation_response set status = 'PUBLISHED', edited = true, removed_reason = ?,"
                                + " removed_note = ?, flags = 0, moderated_by = ?, moderated_at = now(), version = version + 1"
                                + " where organisation_id = ? and id = ? and version = ?")
                .params(
                        reason,
                        blank(note),
                        tenant.userName(),
                        tenant.organisation().value(),
                        id,
                        version)
                .update();
        if (changed == 0) {
            return new Result(List.of(), decision(tenant.organisation(), id));
        }
        changes.forEach((key, text) -> jdbc.sql("update consultation_answer set original_text = coalesce(original_text,"
                        + " text), text = ? where organisation_id = ? and response_id = ? and "
                        + (key.startsWith("s") ? "section_id" : "question_id") + " = ?")
                .params(text, tenant.organisation().value(), id, UUID.fromString(key.substring(1)))
                .update());
        audit.updated(
                tenant,
                "consultationResponse",
                id,
                state(item),
                Map.of("status", "PUBLISHED", "edited", changes.size(), "reason", reason));
        return Result.OK;
    }

    /** What was last decided about an answer, to tell a moderator who came second. */
    @Transactional(readOnly = true)
    public Decision decision(OrganisationId organisation, UUID id) {
        return jdbc.sql("select status, removed_reason, removed_note, edited, moderated_by, moderated_at from"
                        + " consultation_response where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query((rs, n) -> new Decision(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)))
                .optional()
                .orElse(new Decision("WITHDRAWN", null, null, false, null, null));
    }

    /** The outcome of a resident's flag: FLAGGED, or REFUSED with the problem's message key. */
    public record FlagOutcome(boolean refused, String problem) {}

    /**
     * A resident flags a published answer of a consultation (no sign-in): the form's token is
     * checked, a client flags one answer once and at most five per ten minutes.
     */
    public FlagOutcome flag(
            Consultation c, UUID response, String token, String honeypot, String clientAddress, Instant now) {
        if (!tokens.valid(token, c.id(), now)) {
            return new FlagOutcome(true, "participation.answer.problem.token");
        }
        if (honeypot != null && !honeypot.isBlank()) {
            return new FlagOutcome(false, null);
        }
        boolean published = jdbc.sql("select count(*) from consultation_response where organisation_id = ? and"
                                + " consultation_id = ? and id = ? and status = 'PUBLISHED'")
                        .params(c.organisation().value(), c.id(), response)
                        .query(Long.class)
                        .single()
                > 0;
        if (!published) {
            throw new NotFoundException("Answer");
        }
        consultations.lock(c.organisation(), c.id());
        String client = tokens.clientHash(clientAddress == null ? "" : clientAddress, LocalDate.ofInstant(now, zone));
        long twice = jdbc.sql("select count(*) from consultation_flag where response_id = ? and client_hash = ?")
                .params(response, client)
                .query(Long.class)
                .single();
        if (twice > 0) {
            return new FlagOutcome(false, null);
        }
        long recent = jdbc.sql(
                        "select count(*) from consultation_flag where consultation_id = ? and client_hash = ? and"
                                + " created_at > ?")
                .params(c.id(), client, Timestamp.from(now.minusSeconds(600)))
                .query(Long.class)
                .single();
        if (recent >= FLAGS_PER_CLIENT) {
            return new FlagOutcome(true, "participation.moderation.problem.flagThrottled");
        }
        jdbc.sql("insert into consultation_flag (id, organisation_id, consultation_id, response_id, client_hash,"
                        + " created_at) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), c.organisation().value(), c.id(), response, client, Timestamp.from(now))
                .update();
        jdbc.sql("update consultation_response set flags = flags + 1 where organisation_id = ? and id = ?")
                .params(c.organisation().value(), response)
                .update();
        audit.system(
                c.organisation(),
                null,
                "resident",
                "consultationResponse",
                response,
                "UPDATE",
                Map.of("flagged", false),
                Map.of("flagged", true));
        return new FlagOutcome(false, null);
    }

    /** An answer found by its private withdrawal link: its consultation and texts. */
    public record Withdrawable(UUID id, UUID consultation, List<Text> texts) {}

    @Transactional(readOnly = true)
    public Optional<Withdrawable> byWithdrawToken(OrganisationId organisation, String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return jdbc.sql("select id, consultation_id from consultation_response where organisation_id = ? and"
                        + " withdraw_hash = ?")
                .params(organisation.value(), FormTokens.hashOf(token))
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .optional()
                .map(ids -> new Withdrawable(ids[0], ids[1], texts(organisation, ids[1], ids[0])));
    }

    /** The author withdraws their answer: it is deleted with its texts and e-mail address. */
    public boolean withdraw(OrganisationId organisation, String token) {
        Optional<Withdrawable> found = byWithdrawToken(organisation, token);
        if (found.isEmpty()) {
            return false;
        }
        jdbc.sql("delete from consultation_response where organisation_id = ? and id = ?")
                .params(organisation.value(), found.get().id())
                .update();
        audit.system(
                organisation,
                null,
                "resident",
                "consultationResponse",
                found.get().id(),
                "DELETE",
                Map.of("withdrawnBy", "author"),
                null);
        return true;
    }

    /** The consultation's workshop code, if one is set. */
    @Transactional(readOnly = true)
    public Optional<String> workshopCode(OrganisationId organisation, UUID consultation) {
        return jdbc.sql("select workshop_code from consultation where organisation_id = ? and id = ?")
                .params(organisation.value(), consultation)
                .query(String.class)
                .optional()
                .filter(code -> code != null);
    }

    /** Sets (or with a blank code clears) the workshop code: 4–20 letters A–Z or digits; a problem key or empty. */
    public Optional<String> setWorkshopCode(Tenant tenant, UUID consultation, String code) {
        tenant.require(Role.COORDINATOR);
        consultations
                .find(tenant.organisation(), consultation)
                .orElseThrow(() -> new NotFoundException("Consultation"));
        String normalised = code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
        if (normalised != null && !normalised.matches("[A-Z0-9]{4,20}")) {
            return Optional.of("participation.workshop.problem.code");
        }
        String before = workshopCode(tenant.organisation(), consultation).orElse("");
        jdbc.sql("update consultation set workshop_code = ? where organisation_id = ? and id = ?")
                .params(normalised, tenant.organisation().value(), consultation)
                .update();
        audit.updated(
                tenant,
                "consultation",
                consultation,
                Map.of("workshopCode", before),
                Map.of("workshopCode", normalised == null ? "" : normalised));
        return Optional.empty();
    }

    /** Whether an answer gives the consultation's workshop code (compared without regard to case). */
    static boolean workshop(JdbcClient jdbc, Consultation c, String given) {
        if (given == null || given.isBlank()) {
            return false;
        }
        return jdbc.sql("select workshop_code from consultation where organisation_id = ? and id = ?")
                .params(c.organisation().value(), c.id())
                .query(String.class)
                .optional()
                .filter(code -> code != null && code.equals(given.strip().toUpperCase(Locale.ROOT)))
                .isPresent();
    }

    static List<String> reasonProblems(String reason, String note) {
        if (reason == null || !REASONS.contains(reason)) {
            return List.of("participation.moderation.problem.reason");
        }
        String text = blank(note);
        if (reason.equals("OTHER") && text == null) {
            return List.of("participation.moderation.problem.note");
        }
        if (text != null && text.length() > 500) {
            return List.of("participation.moderation.problem.noteTooLong");
        }
        return List.of();
    }

    private Item existing(Tenant tenant, UUID id) {
        return find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("Answer"));
    }

    private static Map<String, Object> state(Item item) {
        return Map.of("status", item.status(), "flags", item.flags(), "version", item.version());
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
