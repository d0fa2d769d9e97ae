package fi.hyte.participation.domain;

import fi.hyte.plan.PlanCatalog;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * "You said, we did": the coordinator groups a consultation's comments into themes and answers every
 * comment, directly or through its theme, with an outcome. The rules: "plan changed" and "already
 * covered" link to at least one of the plan's goals or measures; "not taken forward" gives its
 * reason; "belongs elsewhere" names where (an address such as kuntalaisaloite.fi, or a text); a
 * bilingual organisation writes the answer in Finnish and Swedish. A consultation is concluded only
 * after it has closed and when no item is unanswered and none waits for a moderator. Broken rules
 * come back as message keys and nothing is saved.
 */
@Service
@Transactional
public class YouSaidWeDid {

    public static final List<String> OUTCOMES = List.of("PLAN_CHANGED", "COVERED", "NOT_TAKEN", "ELSEWHERE");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Consultations consultations;
    private final PublicSites sites;
    private final PlanCatalog plans;
    private final AuditLog audit;
    private final ResultsMail resultsMail;
    private final CouncilStatements statements;

    YouSaidWeDid(
            JdbcClient jdbc,
            JsonMapper json,
            Consultations consultations,
            PublicSites sites,
            PlanCatalog plans,
            AuditLog audit,
            ResultsMail resultsMail,
            CouncilStatements statements) {
        this.resultsMail = resultsMail;
        this.statements = statements;
        this.jdbc = jdbc;
        this.json = json;
        this.consultations = consultations;
        this.sites = sites;
        this.plans = plans;
        this.audit = audit;
    }

    /** A resident's comment: a text on a section or a free-text answer to a question. */
    public record Comment(UUID id, UUID section, UUID question, String nickname, String text, Instant at, UUID theme) {}

    /** A theme of a consultation and how many comments are grouped into it. */
    public record Theme(UUID id, LocalizedText title, int comments, int version) {}

    /** A goal or measure of the plan an answer links to, by its stable ref, with its title as it was. */
    public record Link(String kind, String ref, LocalizedText title) {}

    /** The answer to a comment or theme. */
    public record Answer(
            UUID id,
            String targetKind,
            UUID target,
            String outcome,
            LocalizedText text,
            String elsewhereUrl,
            List<Link> links,
            int version,
            Instant answeredAt) {}

    /** What the coordinator is about to save. {@code version} is null for a new answer. */
    public record Reply(
            String targetKind,
            UUID target,
            String outcome,
            String textFi,
            String textSv,
            String elsewhereUrl,
            List<String> links,
            Integer version) {}

    /** How far a consultation's items are answered. */
    public record Progress(int items, int answered, int held, Instant concludedAt) {

        public int unanswered() {
            return items - answered;
        }
    }

    /** The published comments of a consultation, oldest first, with the theme each is grouped into. */
    @Transactional(readOnly = true)
    public List<Comment> comments(OrganisationId organisation, UUID consultation) {
        return jdbc.sql("select a.id, a.section_id, a.question_id, r.nickname, a.text, r.submitted_at, ti.theme_id"
                        + " from consultation_answer a join consultation_response r on r.id = a.response_id left join"
                        + " participation_theme_item ti on ti.item_id = a.id and ti.organisation_id = a.organisation_id"
                        + " where r.organisation_id = ? and r.consultation_id = ? and r.status = 'PUBLISHED' and a.text"
                        + " is not null order by r.submitted_at, r.id, a.section_id nulls last")
                .params(organisation.value(), consultation)
                .query((rs, n) -> new Comment(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getObject(7, UUID.class)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Theme> themes(OrganisationId organisation, UUID consultation) {
        return jdbc.sql("select t.id, t.title_fi, t.title_sv, t.title_en, t.version, (select count(*) from"
                        + " participation_theme_item i where i.theme_id = t.id) from participation_theme t where"
                        + " t.organisation_id = ? and t.consultation_id = ? order by t.created_at, t.title_fi, t.id")
                .params(organisation.value(), consultation)
                .query((rs, n) -> new Theme(
                        rs.getObject(1, UUID.class),
                        new LocalizedText(rs.getString(2), rs.getString(3), rs.getString(4)),
                        rs.getInt(6),
                        rs.getInt(5)))
                .list();
    }

    /**
     * The councils' statements given on a consultation (not "no statement given": there is nothing
     * to answer), each an item of "you said, we did" like a comment.
     */
    @Transactional(readOnly = true)
    public List<CouncilStatements.Statement> statements(OrganisationId organisation, UUID consultation) {
        return statements.published(organisation, consultation).stream()
                .filter(s -> s.state().equals("GIVEN"))
                .toList();
    }

    /** The answers of a consultation by the id of what they answer. */
    @Transactional(readOnly = true)
    public Map<UUID, Answer> answers(OrganisationId organisation, UUID consultation) {
        Map<UUID, Answer> answers = new LinkedHashMap<>();
        jdbc.sql("select id, target_kind, target_id, outcome, text_fi, text_sv, elsewhere_url, links::text, version,"
                        + " answered_at from participation_outcome where organisation_id = ? and consultation_id = ?"
                        + " order by answered_at")
                .params(organisation.value(), consultation)
                .query(this::answer)
                .list()
                .forEach(a -> answers.put(a.target(), a));
        return answers;
    }

    /**
     * How many items (comments, themes and councils' statements) there are, how many are answered,
     * how many are held.
     */
    @Transactional(readOnly = true)
    public Progress progress(OrganisationId organisation, UUID consultation) {
        // The comments are counted in PostgreSQL, not read: a consultation may have 20,000 (issue 14 §9).
        long[] comments = jdbc.sql("with answered as (select target_id from participation_outcome where"
                        + " organisation_id = ? and consultation_id = ?) select count(*), count(*) filter (where a.id in"
                        + " (select target_id from answered) or ti.theme_id in (select target_id from answered)) from"
                        + " consultation_answer a join consultation_response r on r.id = a.response_id left join"
                        + " participation_theme_item ti on ti.item_id = a.id and ti.organisation_id = a.organisation_id"
                        + " where r.organisation_id = ? and r.consultation_id = ? and r.status = 'PUBLISHED' and a.text"
                        + " is not null")
                .params(organisation.value(), consultation, organisation.value(), consultation)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        List<Theme> themes = themes(organisation, consultation);
        Map<UUID, Answer> answers = answers(organisation, consultation);
        int answered = (int) comments[1];
        for (Theme t : themes) {
            if (answers.containsKey(t.id())) {
                answered++;
            }
        }
        List<CouncilStatements.Statement> given = statements(organisation, consultation);
        for (CouncilStatements.Statement st : given) {
            if (answers.containsKey(st.id())) {
                answered++;
            }
        }
        int held = jdbc.sql("select count(*) from consultation_response where organisation_id = ? and consultation_id"
                        + " = ? and status = 'HELD'")
                .params(organisation.value(), consultation)
                .query(Integer.class)
                .single();
        Instant concluded = jdbc.sql("select concluded_at from consultation where organisation_id = ? and id = ?")
                .params(organisation.value(), consultation)
                .query((rs, n) -> {
                    Timestamp t = rs.getTimestamp(1);
                    return Optional.ofNullable(t == null ? null : t.toInstant());
                })
                .optional()
                .flatMap(o -> o)
                .orElse(null);
        return new Progress((int) comments[0] + themes.size() + given.size(), answered, held, concluded);
    }

    /** A new theme; empty with a problem key when the title is missing or too long. */
    public List<String> addTheme(Tenant tenant, UUID consultation, LocalizedText title) {
        tenant.require(Role.COORDINATOR);
        own(tenant.organisation(), consultation);
        if (title.fi() == null || title.fi().length() > 200) {
            return List.of("participation.loop.problem.themeTitle");
        }
        if (sites.bilingual(tenant.organisation()) && title.sv() == null) {
            return List.of("participation.loop.problem.swedish");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into participation_theme (id, organisation_id, consultation_id, title_fi, title_sv, title_en)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(id, tenant.organisation().value(), consultation, title.fi(), title.sv(), title.en())
                .update();
        audit.created(tenant, "participationTheme", id, Map.of("title", title.fi(), "consultation", consultation));
        sites.published(tenant.organisation());
        return List.of();
    }

    /**
     * Groups comments into a theme (null: out of any theme). Only the consultation's own comments
     * and themes are touched; others' ids are ignored.
     */
    public int group(Tenant tenant, UUID consultation, UUID theme, List<UUID> comments) {
        tenant.require(Role.COORDINATOR);
        own(tenant.organisation(), consultation);
        if (theme != null
                && themes(tenant.organisation(), consultation).stream().noneMatch(t -> t.id().equals(theme))) {
            throw new NotFoundException("Theme");
        }
        Set<UUID> own = new LinkedHashSet<>();
        comments(tenant.organisation(), consultation).forEach(c -> own.add(c.id()));
        int changed = 0;
        for (UUID comment : comments) {
            if (!own.contains(comment)) {
                continue;
            }
            jdbc.sql("delete from participation_theme_item where item_id = ? and organisation_id = ?")
                    .params(comment, tenant.organisation().value())
                    .update();
            if (theme != null) {
                jdbc.sql("insert into participation_theme_item (item_id, organisation_id, theme_id) values (?, ?, ?)")
                        .params(comment, tenant.organisation().value(), theme)
                        .update();
            }
            changed++;
        }
        if (changed > 0) {
            audit.updated(
                    tenant,
                    "participationTheme",
                    theme == null ? consultation : theme,
                    Map.of(),
                    Map.of("comments", changed, "theme", String.valueOf(theme)));
            sites.published(tenant.organisation());
        }
        return changed;
    }

    /** The plan's goals and measures an answer may link to: those of the consultation's plan. */
    @Transactional(readOnly = true)
    public List<Link> linkChoices(OrganisationId organisation, Consultation c) {
        Optional<UUID> plan = Optional.ofNullable(c.planId())
                .or(() -> plans.planFor(organisation, LocalDate.now().getYear()).map(PlanCatalog.PlanInfo::id));
        List<Link> links = new ArrayList<>();
        plan.flatMap(p -> plans.content(organisation, p))
                .ifPresent(content -> content.lines()
                        .forEach(line -> line.goals().forEach(goal -> {
                            links.add(new Link("GOAL", goal.ref(), goal.title()));
                            goal.measures().forEach(m -> links.add(new Link("MEASURE", m.ref(), m.title())));
                        })));
        return links;
    }

    /** Saves the answer to a comment or theme; the broken rules' keys (nothing saved) or empty. */
    public List<String> answer(Tenant tenant, UUID consultation, Reply reply) {
        tenant.require(Role.COORDINATOR);
        Consultation c = own(tenant.organisation(), consultation);
        boolean known = switch (reply.targetKind() == null ? "" : reply.targetKind()) {
            case "COMMENT" ->
                comments(tenant.organisation(), consultation).stream().anyMatch(x -> x.id().equals(reply.target()));
            case "THEME" ->
                themes(tenant.organisation(), consultation).stream().anyMatch(x -> x.id().equals(reply.target()));
            case "STATEMENT" ->
                statements(tenant.organisation(), consultation).stream().anyMatch(x -> x.id().equals(reply.target()));
            default -> false;
        };
        if (!known) {
            throw new NotFoundException("Answered item");
        }
        List<String> problems = new ArrayList<>();
        String fi = blank(reply.textFi());
        String sv = blank(reply.textSv());
        String url = blank(reply.elsewhereUrl());
        Map<String, Link> choices = new LinkedHashMap<>();
        linkChoices(tenant.organisation(), c).forEach(l -> choices.put(l.ref(), l));
        List<Link> links = new ArrayList<>();
        for (String ref : reply.links() == null ? List.<String>of() : reply.links()) {
            Link link = choices.get(ref);
            if (link == null) {
                problems.add("participation.loop.problem.links");
            } else if (!links.contains(link)) {
                links.add(link);
            }
        }
        String outcome = reply.outcome();
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            problems.add("participation.loop.problem.outcome");
        } else {
            switch (outcome) {
                case "PLAN_CHANGED", "COVERED" -> {
                    if (links.isEmpty()) {
                        problems.add("participation.loop.problem.links");
                    }
                }
                case "NOT_TAKEN" -> {
                    if (fi == null) {
                        problems.add("participation.loop.problem.reason");
                    }
                }
                default -> {
                    if (url == null && fi == null) {
                        problems.add("participation.loop.problem.elsewhere");
                    }
                }
            }
        }
        if (url != null && (url.length() > 500 || !url.matches("https?://[^\\s<>\"]+\\.[^\\s<>\"]+"))) {
            problems.add("participation.loop.problem.url");
        }
        if ((fi != null && fi.length() > 5000) || (sv != null && sv.length() > 5000)) {
            problems.add("participation.loop.problem.tooLong");
        }
        if (fi != null && sv == null && sites.bilingual(tenant.organisation())) {
            problems.add("participation.loop.problem.swedish");
        }
        if (!problems.isEmpty()) {
            return problems.stream().distinct().toList();
        }
        String linksJson = json.writeValueAsString(links);
        Answer before = answers(tenant.organisation(), consultation).get(reply.target());
        if (before == null) {
            UUID id = UUID.randomUUID();
            try {
                jdbc.sql("insert into participation_outcome (id, organisation_id, consultation_id, target_kind,"
                                + " target_id, outcome, text_fi, text_sv, elsewhere_url, links, answered_by) values (?,"
                                + " ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)")
                        .params(
                                id,
                                tenant.organisation().value(),
                                consultation,
                                reply.targetKind(),
                                reply.target(),
                                outcome,
                                fi,
                                sv,
                                url,
                                linksJson,
                                tenant.userName())
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                throw new ConcurrentChangeException("Answer");
            }
            audit.created(tenant, "participationOutcome", id, summary(reply.target(), outcome, fi, links));
        } else {
            int updated = jdbc.sql("update participation_outcome set outcome = ?, text_fi = ?, text_sv = ?,"
                            + " elsewhere_url = ?, links = cast(? as jsonb), answered_at = now(), answered_by = ?,"
                            + " version = version + 1 where organisation_id = ? and id = ? and version = ?")
                    .params(
                            outcome,
                            fi,
                            sv,
                            url,
                            linksJson,
                            tenant.userName(),
                            tenant.organisation().value(),
                            before.id(),
                            reply.version() == null ? -1 : reply.version())
                    .update();
            if (updated != 1) {
                throw new ConcurrentChangeException("Answer");
            }
            audit.updated(
                    tenant,
                    "participationOutcome",
                    before.id(),
                    summary(before.target(), before.outcome(), before.text().fi(), before.links()),
                    summary(reply.target(), outcome, fi, links));
        }
        sites.published(tenant.organisation());
        return List.of();
    }

    /**
     * Concludes a consultation that has closed and whose every item is answered; otherwise the
     * problem keys, with the unanswered (or held) count given as the first argument by the caller.
     */
    public List<String> conclude(Tenant tenant, UUID consultation, Instant now) {
        tenant.require(Role.COORDINATOR);
        Consultation c = own(tenant.organisation(), consultation);
        consultations.lock(tenant.organisation(), consultation);
        List<String> problems = new ArrayList<>();
        if (!c.isOver(now)) {
            problems.add("participation.loop.problem.stillOpen");
        }
        Progress progress = progress(tenant.organisation(), consultation);
        if (progress.concludedAt() != null) {
            problems.add("participation.loop.problem.concluded");
        }
        if (progress.unanswered() > 0) {
            problems.add("participation.loop.problem.unanswered");
        }
        if (progress.held() > 0) {
            problems.add("participation.loop.problem.held");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        jdbc.sql("update consultation set concluded_at = ?, concluded_by = ?, version = version + 1 where"
                        + " organisation_id = ? and id = ?")
                .params(
                        Timestamp.from(now),
                        tenant.userName(),
                        tenant.organisation().value(),
                        consultation)
                .update();
        audit.updated(
                tenant,
                "consultation",
                consultation,
                Map.of("concluded", false),
                Map.of("concluded", true, "items", progress.items()));
        sites.published(tenant.organisation());
        // Concluding is the moment the results are out: the "you said, we did" page is complete.
        resultsMail.resultsOut(c);
        return List.of();
    }

    /** A theme that shaped a goal or measure of the plan, as the public plan page names it. */
    public record Shaping(UUID consultation, LocalizedText consultationTitle, LocalizedText theme, String outcome) {}

    /**
     * The themes of the organisation's published consultations answered "plan changed" or "already
     * covered", by the ref of each goal and measure they link to.
     */
    @Transactional(readOnly = true)
    public Map<String, List<Shaping>> shapedBy(OrganisationId organisation) {
        Map<String, List<Shaping>> shaped = new HashMap<>();
        jdbc.sql("select c.id, c.title_fi, c.title_sv, c.title_en, t.title_fi, t.title_sv, t.title_en, o.outcome,"
                        + " o.links::text from participation_outcome o join participation_theme t on t.id = o.target_id"
                        + " and t.organisation_id = o.organisation_id join consultation c on c.id = o.consultation_id"
                        + " and c.organisation_id = o.organisation_id where o.organisation_id = ? and c.published and"
                        + " o.target_kind = 'THEME' and o.outcome in ('PLAN_CHANGED', 'COVERED') order by t.created_at")
                .param(organisation.value())
                .query((rs, n) -> {
                    Shaping s = new Shaping(
                            rs.getObject(1, UUID.class),
                            new LocalizedText(rs.getString(2), rs.getString(3), rs.getString(4)),
                            new LocalizedText(rs.getString(5), rs.getString(6), rs.getString(7)),
                            rs.getString(8));
                    for (Link link : links(rs.getString(9))) {
                        shaped.computeIfAbsent(link.ref(), k -> new ArrayList<>())
                                .add(s);
                    }
                    return s;
                })
                .list();
        return shaped;
    }

    private Answer answer(ResultSet rs, int row) throws SQLException {
        return new Answer(
                rs.getObject("id", UUID.class),
                rs.getString("target_kind"),
                rs.getObject("target_id", UUID.class),
                rs.getString("outcome"),
                new LocalizedText(rs.getString("text_fi"), rs.getString("text_sv"), null),
                rs.getString("elsewhere_url"),
                links(rs.getString("links")),
                rs.getInt("version"),
                rs.getTimestamp("answered_at").toInstant());
    }

    private List<Link> links(String text) {
        return json.readValue(text, new TypeReference<List<Link>>() {});
    }

    private Consultation own(OrganisationId organisation, UUID consultation) {
        return consultations.find(organisation, consultation).orElseThrow(() -> new NotFoundException("Consultation"));
    }

    private static Map<String, Object> summary(UUID target, String outcome, String text, List<Link> links) {
        return Map.of(
                "target",
                target.toString(),
                "outcome",
                outcome,
                "text",
                String.valueOf(text),
                "links",
                links.stream().map(Link::ref).toList());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
