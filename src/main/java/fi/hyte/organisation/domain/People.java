package fi.hyte.organisation.domain;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people of an organisation and its partners who take part in the work. */
@Repository
public class People {

    private static final String SELECT =
            "select id, name, title, sector_id, affiliation, affiliation_name, email, phone,"
                    + " in_management_group, user_id, version from person";

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Person> of(OrganisationId organisation) {
        return jdbc.sql(SELECT + " where organisation_id = ? order by lower(name)")
                .param(organisation.value())
                .query(People::map)
                .list();
    }

    /** People whose name or title contains the text, optionally only of one sector. */
    public List<Person> search(OrganisationId organisation, String text, UUID sector) {
        String pattern = "%"
                + text.strip()
                        .toLowerCase()
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        return jdbc.sql(SELECT
                        + " where organisation_id = ? and (lower(name) like ? or lower(coalesce(title, '')) like ?)"
                        + " and (cast(? as uuid) is null or sector_id = ?) order by lower(name)")
                .params(organisation.value(), pattern, pattern, sector, sector)
                .query(People::map)
                .list();
    }

    public Optional<Person> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(SELECT + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(People::map)
                .optional();
    }

    public void insert(OrganisationId organisation, Person person) {
        jdbc.sql(
                        "insert into person (id, organisation_id, name, title, sector_id, affiliation, affiliation_name, email,"
                                + " phone, in_management_group, user_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        person.id(),
                        organisation.value(),
                        person.name(),
                        person.title(),
                        person.sectorId(),
                        person.affiliation().name(),
                        person.affiliationName(),
                        person.email(),
                        person.phone(),
                        person.inManagementGroup(),
                        person.userId())
                .update();
    }

    public int update(OrganisationId organisation, Person person) {
        return jdbc.sql("update person set name = ?, title = ?, sector_id = ?, affiliation = ?, affiliation_name = ?,"
                        + " email = ?, phone = ?, in_management_group = ?, user_id = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(
                        person.name(),
                        person.title(),
                        person.sectorId(),
                        person.affiliation().name(),
                        person.affiliationName(),
                        person.email(),
                        person.phone(),
                        person.inManagementGroup(),
                        person.userId(),
                        organisation.value(),
                        person.id(),
                        person.version())
                .update();
    }

    /** Links the person of this name to a user account unless someone is linked to it already (demo). */
    public void linkAccount(OrganisationId organisation, String name, UserId user) {
        jdbc.sql("update person set user_id = ? where organisation_id = ? and name = ? and user_id is null"
                        + " and not exists (select 1 from person p where p.organisation_id = ? and p.user_id = ?)")
                .params(user.value(), organisation.value(), name, organisation.value(), user.value())
                .update();
    }

    public int delete(OrganisationId organisation, UUID id, int version) {
        return jdbc.sql("delete from person where organisation_id = ? and id = ? and version = ?")
                .params(organisation.value(), id, version)
                .update();
    }

    private static Person map(ResultSet rs, int row) throws SQLException {
        return new Person(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("title"),
                rs.getObject("sector_id", UUID.class),
                Affiliation.valueOf(rs.getString("affiliation")),
                rs.getString("affiliation_name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getBoolean("in_management_group"),
                rs.getObject("user_id", UUID.class),
                rs.getInt("version"));
    }
}
