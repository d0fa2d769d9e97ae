package fi.hyte.participation.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's answer to a consultation, without signing in. Refused (with the reasons as message
 * keys, nothing stored): a bad or old form token, a consultation not open, an empty answer, a
 * nickname that looks like an e-mail address or phone number, bad choices, text over 5,000
 * characters, the same answer twice, or a sixth answer within ten minutes from one client (counted
 * in PostgreSQL, so on every node). A filled honeypot field is answered as if accepted and stores
 * nothing. Text that looks like a personal identity code, phone number, e-mail address or link is
 * always held for a moderator, as is every answer under pre-moderation.
 */
@Service
public class Answering {

    public static final int MAX_TEXT = 5000;
    public static final int PER_CLIENT = 5;
    public static final List<String> AGE_GROUPS = List.of("UNDER_18", "18_29", "30_44", "45_64", "65_74", "75_PLUS");

    static final Pattern IDENTITY_CODE = Pattern.compile("\\b\\d{6}[-+A-FU-Y]\\d{3}[0-9A-FHJ-NPR-Y]\\b");
    static final Pattern PHONE = Pattern.compile("(\\+358|\\b0)[\\s-]?\\d{1,3}([\\s-]?\\d){5,8}\\b");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.)\\S+|\\b[a-z0-9-]+\\.(fi|com|net|org|se|io)\\b");

    private final JdbcClient jdbc;
    private final Consultations consultations;
    private final FormTokens tokens;
    private final ZoneId zone;

    Answering(
            JdbcClient jdbc, Consultations consultations, FormTokens tokens, @Value("${hyte.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.consultations = consultations;
        this.tokens = tokens;
        this.zone = ZoneId.of(zone);
    }

    /** What a resident sent: texts by section, answers by question (a choice's number, 1–5, or text). */
    public record Submission(
            String token,
            String honeypot,
            String nickname,
            String ageGroup,
            String postalArea,
            String email,
            Map<UUID, String> sectionTexts,
            Map<UUID, String> answers,
            String workshopCode,
            String language) {

        /** Without the language of the page (Finnish is assumed for the results message). */
        public Submission(
                String token,
                String honeypot,
                String nickname,
                String ageGroup,
                String postalArea,
                String email,
                Map<UUID, String> sectionTexts,
                Map<UUID, String> answers,
                String workshopCode) {
            this(token, honeypot, nickname, ageGroup, postalArea, email, sectionTexts, answers, workshopCode, null);
        }

        public Submission(
                String token,
                String honeypot,
                String nickname,
                String ageGroup,
                String postalArea,
                String email,
                Map<UUID, String> sectionTexts,
                Map<UUID, String> answers) {
            this(token, honeypot, nickname, ageGroup, postalArea, email, sectionTexts, answers, null, null);
        }
    }

    /** The outcome: PUBLISHED, HELD (waits for a moderator), or REFUSED with the problems' message keys. */
    public record Outcome(String status, List<String> problems, String withdrawToken) {

        public Outcome(String status, List<String> problems) {
            this(status, problems, null);
        }

        static Outcome refused(List<String> problems) {
            return new Outcome("REFUSED", List.copyOf(problems));
        }

        public boolean refused() {
            return status.equals("REFUSED");
        }
    }

    @Transactional
    public Outcome submit(Consultation c, Submission s, String clientAddress, Instant now) {
        if (!tokens.valid(s.token(), c.id(), now)) {
            return Outcome.refused(List.of("participation.answer.problem.token"));
        }
        if (c.isOver(now)) {
            return Outcome.refused(List.of("participation.answer.problem.closed"));
        }
        if (consultations.outside(c.organisation(), c.id()).isPresent()) {
            // Run outside Hyte: residents answer there, never here.
            return Outcome.refused(List.of("participation.answer.problem.outside"));
        }
        if (!c.isOpen(now)) {
            return Outcome.refused(List.of("participation.answer.problem.notOpen"));
        }
        if (s.honeypot() != null && !s.honeypot().isBlank()) {
            return new Outcome("HELD", List.of());
        }
        List<String> problems = new ArrayList<>();
        String nickname = blank(s.nickname());
        if (nickname != null
                && (nickname.length() > 40
                        || EMAIL.matcher(nickname).find()
                        || PHONE.matcher(nickname).find()
                        || nickname.replaceAll("\\D", "").length() >= 6)) {
            problems.add("participation.answer.problem.nickname");
        }
        String age = blank(s.ageGroup());
        if (age != null && !AGE_GROUPS.contains(age)) {
            problems.add("participation.answer.problem.ageGroup");
        }
        String area = blank(s.postalArea());
        if (area != null && !area.matches("[0-9]{5}")) {
            problems.add("participation.answer.problem.postalArea");
        }
        String email = blank(s.email());
        if (email != null && (email.length() > 200 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            problems.add("participation.answer.problem.email");
        }
        List<Consultation.Section> sections = consultations.sections(c.organisation(), c.id());
        List<Consultation.Question> questions = consultations.questions(c.organisation(), c.id());
        Map<String, String> content = new TreeMap<>();
        List<Object[]> rows = new ArrayList<>();
        boolean tooLong = false;
        for (Consultation.Section section : sections) {
            String text = blank(s.sectionTexts().get(section.id()));
            if (text != null) {
                tooLong |= text.length() > MAX_TEXT;
                content.put("s" + section.id(), text);
                rows.add(new Object[] {null, section.id(), null, null, text});
            }
        }
        for (Consultation.Question q : questions) {
            String value = blank(s.answers().get(q.id()));
            if (value == null) {
                continue;
            }
            switch (q.kind()) {
                case "CHOICE" -> {
                    Integer choice = number(value);
                    if (choice == null || choice < 1 || choice > q.choices().size()) {
                        problems.add("participation.answer.problem.choice");
                    } else {
                        rows.add(new Object[] {q.id(), null, choice, null, null});
                    }
                }
                case "SCALE" -> {
                    Integer scale = number(value);
                    if (scale == null || scale < 1 || scale > 5) {
                        problems.add("participation.answer.problem.choice");
                    } else {
                        rows.add(new Object[] {q.id(), null, null, scale, null});
                    }
                }
                default -> {
                    tooLong |= value.length() > MAX_TEXT;
                    rows.add(new Object[] {q.id(), null, null, null, value});
                }
            }
            content.put("q" + q.id(), value);
        }
        if (tooLong) {
            problems.add("participation.answer.problem.tooLong");
        }
        if (content.isEmpty()) {
            problems.add("participation.answer.problem.empty");
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(problems.stream().distinct().toList());
        }
        // One answer at a time per consultation: the throttle's count and the insert cannot interleave.
        consultations.lock(c.organisation(), c.id());
        LocalDate day = LocalDate.ofInstant(now, zone);
        String client = tokens.clientHash(clientAddress == null ? "" : clientAddress, day);
        long recent = jdbc.sql(
                        "select count(*) from consultation_response where consultation_id = ? and client_hash = ?"
                                + " and submitted_at > ?")
                .params(c.id(), client, java.sql.Timestamp.from(now.minusSeconds(600)))
                .query(Long.class)
                .single();
        if (recent >= (Moderation.workshop(jdbc, c, s.workshopCode()) ? Moderation.WORKSHOP_PER_CLIENT : PER_CLIENT)) {
            return Outcome.refused(List.of("participation.answer.problem.throttled"));
        }
        String all = String.join("\n", content.values());
        Optional<String> heldFor = personalData(all);
        String status = c.moderation().equals("PRE") || heldFor.isPresent() ? "HELD" : "PUBLISHED";
        UUID id = UUID.randomUUID();
        String withdraw = FormTokens.randomToken();
        String contentHash = HexFormat.of()
                .formatHex(FormTokens.sha256(content.toString().toLowerCase().getBytes(StandardCharsets.UTF_8)));
        try {
            jdbc.sql("insert into consultation_response (id, organisation_id, consultation_id, submitted_at, nickname,"
                            + " age_group, postal_area, status, held_reason, client_hash, content_hash, withdraw_hash) values (?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            c.organisation().value(),
                            c.id(),
                            java.sql.Timestamp.from(now),
                            nickname,
                            age,
                            area,
                            status,
                            heldFor.orElse(c.moderation().equals("PRE") ? "PRE_MODERATION" : null),
                            client,
                            contentHash,
                            FormTokens.hashOf(withdraw))
                    .update();
        } catch (DuplicateKeyException e) {
            return Outcome.refused(List.of("participation.answer.problem.duplicate"));
        }
        for (Object[] row : rows) {
            jdbc.sql("insert into consultation_answer (response_id, organisation_id, question_id, section_id, choice,"
                            + " scale, text) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, c.organisation().value(), row[0], row[1], row[2], row[3], row[4])
                    .update();
        }
        if (email != null) {
            String language =
                    s.language() != null && List.of("fi", "sv", "en").contains(s.language()) ? s.language() : "fi";
            jdbc.sql("insert into consultation_email (response_id, organisation_id, email, language) values (?, ?, ?,"
                            + " ?)")
                    .params(id, c.organisation().value(), email, language)
                    .update();
        }
        // Client hashes are needed for 10 minutes and kept at most 48 hours.
        jdbc.sql("update consultation_response set client_hash = null where consultation_id = ? and client_hash is not"
                        + " null and submitted_at < ?")
                .params(c.id(), java.sql.Timestamp.from(now.minusSeconds(48 * 3600)))
                .update();
        return new Outcome(status, List.of(), withdraw);
    }

    /** Why a text is held for a moderator whatever the moderation: it seems to hold personal data or a link. */
    static Optional<String> personalData(String text) {
        if (IDENTITY_CODE.matcher(text).find()) {
            return Optional.of("IDENTITY_CODE");
        }
        if (EMAIL.matcher(text).find()) {
            return Optional.of("EMAIL");
        }
        if (PHONE.matcher(text).find()) {
            return Optional.of("PHONE");
        }
        if (LINK.matcher(text).find()) {
            return Optional.of("LINK");
        }
        return Optional.empty();
    }

    /**
     * The published comments on each section, oldest first: nickname (null for anonymous) and text,
     * and those a moderator removed, without their text, with the reason the public is told.
     */
    public List<PublicComment> publishedComments(Consultation c) {
        return jdbc.sql("select a.section_id, r.nickname, a.text, r.submitted_at, r.id, r.status, r.removed_reason,"
                        + " r.removed_note, r.edited from consultation_answer a join consultation_response r on r.id ="
                        + " a.response_id where r.organisation_id = ? and r.consultation_id = ? and r.status in"
                        + " ('PUBLISHED', 'REMOVED') and a.section_id is not null and (a.text is not null or r.status ="
                        + " 'REMOVED') order by r.submitted_at, r.id")
                .params(c.organisation().value(), c.id())
                .query((rs, n) -> {
                    boolean removed = rs.getString(6).equals("REMOVED");
                    return new PublicComment(
                            rs.getObject(1, UUID.class),
                            removed ? null : rs.getString(2),
                            removed ? null : rs.getString(3),
                            rs.getObject(4, java.time.OffsetDateTime.class),
                            rs.getObject(5, UUID.class),
                            removed || rs.getBoolean(9) ? rs.getString(7) : null,
                            "OTHER".equals(rs.getString(7)) ? rs.getString(8) : null,
                            !removed && rs.getBoolean(9));
                })
                .list();
    }

    /** Changes whenever what the public sees of the answers changes: part of the page's ETag. */
    public String publicVersion(Consultation c) {
        return jdbc.sql("select count(*) || '.' || coalesce(sum(version), 0) from consultation_response where"
                        + " organisation_id = ? and consultation_id = ? and status <> 'HELD'")
                .params(c.organisation().value(), c.id())
                .query(String.class)
                .single();
    }

    /** How many answers are published: part of the consultation page's ETag. */
    public long publishedCount(Consultation c) {
        return jdbc.sql("select count(*) from consultation_response where organisation_id = ? and consultation_id = ?"
                        + " and status = 'PUBLISHED'")
                .params(c.organisation().value(), c.id())
                .query(Long.class)
                .single();
    }

    /**
     * A comment as the public sees it; a removed one has no nickname or text, only the reason (a
     * listed one, and the moderator's words for OTHER).
     */
    public record PublicComment(
            UUID section,
            String nickname,
            String text,
            java.time.OffsetDateTime at,
            UUID response,
            String removedReason,
            String removedNote,
            boolean edited) {

        public boolean removed() {
            return removedReason != null && !edited;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer number(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
