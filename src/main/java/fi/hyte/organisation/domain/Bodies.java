package fi.hyte.organisation.domain;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An organisation's bodies and their members. */
@Repository
public class Bodies {

    private final JdbcClient jdbc;

    Bodies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Body> of(OrganisationId organisation) {
        return jdbc.sql("select id, type, name_fi, name_sv, version from body where organisation_id = ?"
                        + " order by array_position(array['COUNCIL','BOARD','MANAGEMENT_GROUP','WELLBEING_GROUP',"
                        + "'COMMITTEE','YOUTH_COUNCIL','OLDER_PEOPLE_COUNCIL','DISABILITY_COUNCIL','OTHER'], type),"
                        + " lower(name_fi)")
                .param(organisation.value())
                .query(Bodies::map)
                .list();
    }

    public Optional<Body> find(OrganisationId organisation, UUID id) {
        return jdbc.sql("select id, type, name_fi, name_sv, version from body where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Bodies::map)
                .optional();
    }

    public Optional<Body> firstOfType(OrganisationId organisation, BodyType type) {
        return jdbc.sql("select id, type, name_fi, name_sv, version from body where organisation_id = ? and type = ?"
                        + " order by lower(name_fi) limit 1")
                .params(organisation.value(), type.name())
                .query(Bodies::map)
                .optional();
    }

    public void insert(OrganisationId organisation, Body body) {
        jdbc.sql("insert into body (id, organisation_id, type, name_fi, name_sv) values (?, ?, ?, ?, ?)")
                .params(
                        body.id(),
                        organisation.value(),
                        body.type().name(),
                        body.name().fi(),
                        body.name().sv())
                .update();
    }

    public int update(OrganisationId organisation, Body body) {
        return jdbc.sql("update body set type = ?, name_fi = ?, name_sv = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(
                        body.type().name(),
                        body.name().fi(),
                        body.name().sv(),
                        organisation.value(),
                        body.id(),
                        body.version())
                .update();
    }

    public int delete(OrganisationId organisation, UUID id, int version) {
        return jdbc.sql("delete from body where organisation_id = ? and id = ? and version = ?")
                .params(organisation.value(), id, version)
                .update();
    }

    public List<BodyMember> members(OrganisationId organisation) {
        return jdbc.sql("select id, body_id, person_id, role, version from body_member where organisation_id = ?")
                .param(organisation.value())
                .query(Bodies::mapMember)
                .list();
    }

    public List<BodyMember> membersOf(OrganisationId organisation, UUID body) {
        return jdbc.sql("select id, body_id, person_id, role, version from body_member"
                        + " where organisation_id = ? and body_id = ?"
                        + " order by array_position(array['CHAIR','VICE_CHAIR','SECRETARY','MEMBER','DEPUTY','EXPERT'],"
                        + " role)")
                .params(organisation.value(), body)
                .query(Bodies::mapMember)
                .list();
    }

    public Optional<BodyMember> member(OrganisationId organisation, UUID id) {
        return jdbc.sql(
                        "select id, body_id, person_id, role, version from body_member where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Bodies::mapMember)
                .optional();
    }

    public boolean isMember(OrganisationId organisation, UUID body, UUID person) {
        return jdbc.sql("select count(*) from body_member where organisation_id = ? and body_id = ? and person_id = ?")
                        .params(organisation.value(), body, person)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public void insertMember(OrganisationId organisation, BodyMember member) {
        jdbc.sql("insert into body_member (id, organisation_id, body_id, person_id, role) values (?, ?, ?, ?, ?)")
                .params(
                        member.id(),
                        organisation.value(),
                        member.bodyId(),
                        member.personId(),
                        member.role().name())
                .update();
    }

    public int updateMember(OrganisationId organisation, BodyMember member) {
        return jdbc.sql("update body_member set role = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(member.role().name(), organisation.value(), member.id(), member.version())
                .update();
    }

    public int deleteMember(OrganisationId organisation, UUID id) {
        return jdbc.sql("delete from body_member where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .update();
    }

    private static Body map(ResultSet rs, int row) throws SQLException {
        return new Body(
                rs.getObject("id", UUID.class),
                BodyType.valueOf(rs.getString("type")),
                new LocalizedText(rs.getString("name_fi"), rs.getString("name_sv"), null),
                rs.getInt("version"));
    }

    private static BodyMember mapMember(ResultSet rs, int row) throws SQLException {
        return new BodyMember(
                rs.getObject("id", UUID.class),
                rs.getObject("body_id", UUID.class),
                rs.getObject("person_id", UUID.class),
                MemberRole.valueOf(rs.getString("role")),
                rs.getInt("version"));
    }
}
