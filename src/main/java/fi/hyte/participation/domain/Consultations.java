package fi.hyte.participation.domain;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The organisations' consultations, their sections and questions; every query names the organisation. */
@Repository
public class Consultations {

    private static final String SELECT = "select id, organisation_id, plan_id, title_fi, title_sv, title_en, intro_fi,"
            + " intro_sv, intro_en, opens_at, closes_at, moderation, published, invited_bodies, version from consultation";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Consultations(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Consultation> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(SELECT + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Consultations::map)
                .optional();
    }

    /** How many responses the consultation has received, not counting removed ones. */
    public long responses(OrganisationId organisation, UUID consultation) {
        return jdbc.sql("select count(*) from consultation_response where organisation_id = ? and consultation_id = ?"
                        + " and status <> 'REMOVED'")
                .params(organisation.value(), consultation)
                .query(Long.class)
                .single();
    }

    public List<Consultation> of(OrganisationId organisation) {
        return jdbc.sql(SELECT + " where organisation_id = ? order by opens_at desc")
                .param(organisation.value())
                .query(Consultations::map)
                .list();
    }

    /** The published consultations, open and past, newest first. */
    public List<Consultation> published(OrganisationId organisation) {
        return jdbc.sql(SELECT + " where organisation_id = ? and published order by opens_at desc")
                .param(organisation.value())
                .query(Consultations::map)
                .list();
    }

    public List<Consultation.Section> sections(OrganisationId organisation, UUID consultation) {
        return jdbc.sql("select id, ref, title_fi, title_sv, title_en, text_fi, text_sv, text_en from"
                        + " consultation_section where organisation_id = ? and consultation_id = ? order by position")
                .params(organisation.value(), consultation)
                .query((rs, n) -> new Consultation.Section(
                        rs.getObject("id", UUID.class), rs.getString("ref"), text(rs, "title"), text(rs, "text")))
                .list();
    }

    /** Where a consultation run outside Hyte took place; empty for one run in Hyte. */
    public Optional<Consultation.Outside> outside(OrganisationId organisation, UUID consultation) {
        return jdbc.sql("select service, url, participants from consultation_outside where organisation_id = ? and"
                        + " consultation_id = ?")
                .params(organisation.value(), consultation)
                .query((rs, n) -> new Consultation.Outside(
                        rs.getString("service"), rs.getString("url"), (Integer) rs.getObject("participants")))
                .optional();
    }

    void saveOutside(OrganisationId organisation, UUID consultation, Consultation.Outside outside) {
        jdbc.sql("insert into consultation_outside (consultation_id, organisation_id, service, url, participants)"
                        + " values (?, ?, ?, ?, ?) on conflict (consultation_id) do update set service ="
                        + " excluded.service, url = excluded.url, participants = excluded.participants where"
                        + " consultation_outside.organisation_id = excluded.organisation_id")
                .params(consultation, organisation.value(), outside.service(), outside.url(), outside.participants())
                .update();
    }

    /** Adds a section the coordinator wrote, last; false when the consultation has its maximum already. */
    boolean addOwnSection(
            OrganisationId organisation, UUID consultation, UUID section, LocalizedText title, LocalizedText text) {
        return jdbc.sql(
                                "insert into consultation_section (id, organisation_id, consultation_id, position, ref, title_fi,"
                                        + " title_sv, title_en, text_fi, text_sv, text_en) select ?, ?, ?,"
                                        + " coalesce(max(position), 0) + 1, null, ?, ?, ?, ?, ?, ? from consultation_section"
                                        + " where organisation_id = ? and consultation_id = ? having count(*) filter (where ref"
                                        + " is null) < ?")
                        .params(
                                section,
                                organisation.value(),
                                consultation,
                                title.fi(),
                                title.sv(),
                                title.en(),
                                text.fi(),
                                text.sv(),
                                text.en(),
                                organisation.value(),
                                consultation,
                                Consultation.MAX_OWN_SECTIONS)
                        .update()
                == 1;
    }

    boolean updateOwnSection(
            OrganisationId organisation, UUID consultation, UUID section, LocalizedText title, LocalizedText text) {
        return jdbc.sql("update consultation_section set title_fi = ?, title_sv = ?, title_en = ?, text_fi = ?, text_sv"
                                + " = ?, text_en = ? where organisation_id = ? and consultation_id = ? and id = ? and"
                                + " ref is null")
                        .params(
                                title.fi(),
                                title.sv(),
                                title.en(),
                                text.fi(),
                                text.sv(),
                                text.en(),
                                organisation.value(),
                                consultation,
                                section)
                        .update()
                == 1;
    }

    boolean removeOwnSection(OrganisationId organisation, UUID consultation, UUID section) {
        return jdbc.sql("delete from consultation_section where organisation_id = ? and consultation_id = ? and id = ?"
                                + " and ref is null")
                        .params(organisation.value(), consultation, section)
                        .update()
                == 1;
    }

    /** Swaps a section with the one before it (up) or after it; false when it is first or last already. */
    boolean moveSection(OrganisationId organisation, UUID consultation, UUID section, boolean up) {
        List<Consultation.Section> all = sections(organisation, consultation);
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(section)) {
                at = i;
            }
        }
        int to = up ? at - 1 : at + 1;
        if (at < 0 || to < 0 || to >= all.size()) {
            return false;
        }
        jdbc.sql("update consultation_section s set position = o.position from consultation_section o where"
                        + " s.organisation_id = ? and o.organisation_id = s.organisation_id and s.consultation_id = ?"
                        + " and o.consultation_id = s.consultation_id and ((s.id = ? and o.id = ?) or (s.id = ? and"
                        + " o.id = ?))")
                .params(
                        organisation.value(),
                        consultation,
                        section,
                        all.get(to).id(),
                        all.get(to).id(),
                        section)
                .update();
        return true;
    }

    public List<Consultation.Question> questions(OrganisationId organisation, UUID consultation) {
        return jdbc.sql("select id, kind, text_fi, text_sv, text_en, choices::text from consultation_question where"
                        + " organisation_id = ? and consultation_id = ? order by position")
                .params(organisation.value(), consultation)
                .query((rs, n) -> new Consultation.Question(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        text(rs, "text"),
                        json.readValue(rs.getString("choices"), new TypeReference<List<LocalizedText>>() {})))
                .list();
    }

    void insert(Consultation c) {
        jdbc.sql("insert into consultation (id, organisation_id, plan_id, title_fi, title_sv, title_en, intro_fi,"
                        + " intro_sv, intro_en, opens_at, closes_at, moderation, invited_bodies) values (?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id(),
                        c.organisation().value(),
                        c.planId(),
                        c.title().fi(),
                        c.title().sv(),
                        c.title().en(),
                        c.intro().fi(),
                        c.intro().sv(),
                        c.intro().en(),
                        Timestamp.from(c.opensAt()),
                        Timestamp.from(c.closesAt()),
                        c.moderation(),
                        c.invitedBodies().toArray(new UUID[0]))
                .update();
    }

    boolean update(Consultation c) {
        return jdbc.sql("update consultation set title_fi = ?, title_sv = ?, title_en = ?, intro_fi = ?, intro_sv = ?,"
                                + " intro_en = ?, opens_at = ?, closes_at = ?, moderation = ?, invited_bodies = ?,"
                                + " published = ?, version = version + 1 where organisation_id = ? and id = ? and"
                                + " version = ?")
                        .params(
                                c.title().fi(),
                                c.title().sv(),
                                c.title().en(),
                                c.intro().fi(),
                                c.intro().sv(),
                                c.intro().en(),
                                Timestamp.from(c.opensAt()),
                                Timestamp.from(c.closesAt()),
                                c.moderation(),
                                c.invitedBodies().toArray(new UUID[0]),
                                c.published(),
                                c.organisation().value(),
                                c.id(),
                                c.version())
                        .update()
                == 1;
    }

    void addSection(OrganisationId organisation, UUID consultation, String ref, LocalizedText title) {
        jdbc.sql("insert into consultation_section (id, organisation_id, consultation_id, position, ref, title_fi,"
                        + " title_sv, title_en) select ?, ?, ?, coalesce(max(position), 0) + 1, ?, ?, ?, ? from"
                        + " consultation_section where organisation_id = ? and consultation_id = ?")
                .params(
                        UUID.randomUUID(),
                        organisation.value(),
                        consultation,
                        ref,
                        title.fi(),
                        title.sv(),
                        title.en(),
                        organisation.value(),
                        consultation)
                .update();
    }

    /** Adds a question last; false when the consultation has its ten already. */
    boolean addQuestion(OrganisationId organisation, UUID consultation, Consultation.Question q) {
        return jdbc.sql("insert into consultation_question (id, organisation_id, consultation_id, position, kind,"
                                + " text_fi, text_sv, text_en, choices) select ?, ?, ?, coalesce(max(position), 0) + 1,"
                                + " ?, ?, ?, ?, cast(? as jsonb) from consultation_question where organisation_id = ?"
                                + " and consultation_id = ? having count(*) < ?")
                        .params(
                                q.id(),
                                organisation.value(),
                                consultation,
                                q.kind(),
                                q.text().fi(),
                                q.text().sv(),
                                q.text().en(),
                                json.writeValueAsString(q.choices()),
                                organisation.value(),
                                consultation,
                                Consultation.MAX_QUESTIONS)
                        .update()
                == 1;
    }

    /** Serialises changes to one consultation (adding questions, answering) behind its row. */
    void lock(OrganisationId organisation, UUID consultation) {
        jdbc.sql("select id from consultation where organisation_id = ? and id = ? for update")
                .params(organisation.value(), consultation)
                .query(UUID.class)
                .optional();
    }

    private static Consultation map(ResultSet rs, int row) throws SQLException {
        Array bodies = rs.getArray("invited_bodies");
        List<UUID> invited = bodies == null ? List.of() : Arrays.asList((UUID[]) bodies.getArray());
        return new Consultation(
                rs.getObject("id", UUID.class),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getObject("plan_id", UUID.class),
                text(rs, "title"),
                text(rs, "intro"),
                rs.getTimestamp("opens_at").toInstant(),
                rs.getTimestamp("closes_at").toInstant(),
                rs.getString("moderation"),
                rs.getBoolean("published"),
                List.copyOf(invited),
                rs.getInt("version"));
    }

    private static LocalizedText text(ResultSet rs, String column) throws SQLException {
        return new LocalizedText(
                rs.getString(column + "_fi"), rs.getString(column + "_sv"), rs.getString(column + "_en"));
    }

    static Instant now() {
        return Instant.now();
    }
}
