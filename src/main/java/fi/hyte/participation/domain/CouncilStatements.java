package fi.hyte.participation.domain;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.organisation.OrganisationCatalog.CouncilSummary;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statements of the councils a consultation invited (youth, older people's and disability
 * councils among the organisation's bodies): each gets a deadline; the coordinator or the
 * council's secretary enters the statement with its meeting date and section of the minutes, or
 * records that none was given. Both are published under the body's name. Concurrent entries of one
 * council's statement are refused by its version.
 */
@Service
@Transactional
public class CouncilStatements {

    /** Days before the deadline from which a council that has not answered is shown as due soon. */
    public static final int DUE_SOON_DAYS = 7;

    private final JdbcClient jdbc;
    private final Consultations consultations;
    private final OrganisationCatalog organisations;
    private final AuditLog audit;

    CouncilStatements(JdbcClient jdbc, Consultations consultations, OrganisationCatalog organisations, AuditLog audit) {
        this.jdbc = jdbc;
        this.consultations = consultations;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** A council's statement: INVITED (waiting), GIVEN or NONE. */
    public record Statement(
            UUID id,
            UUID body,
            LocalizedText bodyName,
            LocalDate deadline,
            String state,
            LocalDate meetingDate,
            String meetingSection,
            LocalizedText text,
            String enteredBy,
            OffsetDateTime enteredAt,
            int version) {}

    /**
     * An invited council on the coordinator's page, with its statement so far (version 0 and state
     * INVITED when nothing is recorded yet), whether the user may enter it, and the reminder:
     * OVERDUE, DUE_SOON or null.
     */
    public record Invited(CouncilSummary council, Statement statement, boolean mayEnter, String reminder) {}

    @Transactional(readOnly = true)
    public List<Invited> invited(Tenant tenant, Consultation c, LocalDate today) {
        List<Statement> recorded = of(c.organisation(), c.id());
        List<Invited> rows = new ArrayList<>();
        for (CouncilSummary council : organisations.councils(c.organisation())) {
            if (!c.invitedBodies().contains(council.id())) {
                continue;
            }
            Statement s = recorded.stream()
                    .filter(r -> r.body().equals(council.id()))
                    .findFirst()
                    .orElse(new Statement(
                            null, council.id(), council.name(), null, "INVITED", null, null, null, null, null, 0));
            String reminder = null;
            if (s.state().equals("INVITED") && s.deadline() != null) {
                if (today.isAfter(s.deadline())) {
                    reminder = "OVERDUE";
                } else if (!today.plusDays(DUE_SOON_DAYS).isBefore(s.deadline())) {
                    reminder = "DUE_SOON";
                }
            }
            rows.add(new Invited(council, s, mayEnter(tenant, council), reminder));
        }
        return rows;
    }

    /** The statements given or recorded as not given, for the public page, in the councils' order. */
    @Transactional(readOnly = true)
    public List<Statement> published(OrganisationId organisation, UUID consultation) {
        return of(organisation, consultation).stream()
                .filter(s -> !s.state().equals("INVITED"))
                .toList();
    }

    /** Changes with every entry: part of the public page's ETag. */
    @Transactional(readOnly = true)
    public long version(OrganisationId organisation, UUID consultation) {
        return jdbc.sql("select coalesce(sum(version + 1), 0) from council_statement where organisation_id = ? and"
                        + " consultation_id = ?")
                .params(organisation.value(), consultation)
                .query(Long.class)
                .single();
    }

    /** Sets a council's deadline (coordinator only); false when someone else changed it meanwhile. */
    public boolean setDeadline(Tenant tenant, UUID consultation, UUID body, LocalDate deadline, int version) {
        tenant.require(Role.COORDINATOR);
        CouncilSummary council = invitedCouncil(tenant, consultation, body);
        Optional<Statement> before = ensure(tenant.organisation(), consultation, council);
        boolean saved = jdbc.sql("update council_statement set deadline = ?, version = version + 1 where"
                                + " organisation_id = ? and consultation_id = ? and body_id = ? and version = ?")
                        .params(
                                deadline == null ? null : Date.valueOf(deadline),
                                tenant.organisation().value(),
                                consultation,
                                body,
                                version)
                        .update()
                == 1;
        if (saved) {
            audit.updated(
                    tenant,
                    "councilStatement",
                    consultation + "/" + body,
                    Map.of(
                            "deadline",
                            before.map(s -> String.valueOf(s.deadline())).orElse("")),
                    Map.of("deadline", String.valueOf(deadline)));
        }
        return saved;
    }

    /**
     * Enters a given statement (GIVEN with meeting date, section and text) or records that none was
     * given (NONE). Problems are message keys; a conflict throws nothing but returns "conflict".
     */
    public List<String> enter(
            Tenant tenant,
            UUID consultation,
            UUID body,
            boolean given,
            LocalDate meetingDate,
            String section,
            String textFi,
            String textSv,
            int version) {
        CouncilSummary council = invitedCouncil(tenant, consultation, body);
        if (!mayEnter(tenant, council)) {
            throw new org.springframework.security.access.AccessDeniedException("Coordinator or secretary");
        }
        List<String> problems = new ArrayList<>();
        String fi = Moderation.blank(textFi);
        String sv = Moderation.blank(textSv);
        String sec = Moderation.blank(section);
        if (given) {
            if (meetingDate == null) {
                problems.add("participation.councils.problem.meetingDate");
            }
            if (fi == null) {
                problems.add("participation.councils.problem.text");
            }
            if (sec != null && sec.length() > 40) {
                problems.add("participation.councils.problem.section");
            }
            if ((fi != null && fi.length() > 20000) || (sv != null && sv.length() > 20000)) {
                problems.add("participation.councils.problem.tooLong");
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Optional<Statement> before = ensure(tenant.organisation(), consultation, council);
        int changed = jdbc.sql(
                        "update council_statement set state = ?, meeting_date = ?, meeting_section = ?, text_fi ="
                                + " ?, text_sv = ?, entered_by = ?, entered_at = now(), version = version + 1 where"
                                + " organisation_id = ? and consultation_id = ? and body_id = ? and version = ?")
                .params(
                        given ? "GIVEN" : "NONE",
                        given ? Date.valueOf(meetingDate) : null,
                        given ? sec : null,
                        given ? fi : null,
                        given ? sv : null,
                        tenant.userName(),
                        tenant.organisation().value(),
                        consultation,
                        body,
                        version)
                .update();
        if (changed == 0) {
            return List.of("conflict");
        }
        audit.updated(
                tenant,
                "councilStatement",
                consultation + "/" + body,
                Map.of("state", before.map(Statement::state).orElse("INVITED")),
                Map.of(
                        "state",
                        given ? "GIVEN" : "NONE",
                        "meetingDate",
                        String.valueOf(meetingDate),
                        "section",
                        String.valueOf(sec),
                        "text",
                        String.valueOf(fi)));
        return List.of();
    }

    /** The recorded statement of one council, to tell a second person who entered it. */
    @Transactional(readOnly = true)
    public Optional<Statement> find(OrganisationId organisation, UUID consultation, UUID body) {
        return of(organisation, consultation).stream()
                .filter(s -> s.body().equals(body))
                .findFirst();
    }

    private List<Statement> of(OrganisationId organisation, UUID consultation) {
        return jdbc.sql("select id, body_id, body_name_fi, body_name_sv, deadline, state, meeting_date,"
                        + " meeting_section, text_fi, text_sv, entered_by, entered_at, version from council_statement"
                        + " where organisation_id = ? and consultation_id = ? order by lower(body_name_fi)")
                .params(organisation.value(), consultation)
                .query(CouncilStatements::map)
                .list();
    }

    Optional<Statement> ensure(OrganisationId organisation, UUID consultation, CouncilSummary council) {
        jdbc.sql("insert into council_statement (id, organisation_id, consultation_id, body_id, body_name_fi,"
                        + " body_name_sv) values (?, ?, ?, ?, ?, ?) on conflict (consultation_id, body_id) do nothing")
                .params(
                        UUID.randomUUID(),
                        organisation.value(),
                        consultation,
                        council.id(),
                        council.name().fi(),
                        council.name().sv())
                .update();
        return find(organisation, consultation, council.id());
    }

    private CouncilSummary invitedCouncil(Tenant tenant, UUID consultation, UUID body) {
        Consultation c = consultations
                .find(tenant.organisation(), consultation)
                .orElseThrow(() -> new NotFoundException("Consultation"));
        return organisations.councils(tenant.organisation()).stream()
                .filter(council ->
                        council.id().equals(body) && c.invitedBodies().contains(body))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Council"));
    }

    private static boolean mayEnter(Tenant tenant, CouncilSummary council) {
        return tenant.can(Role.COORDINATOR)
                || (tenant.user() != null
                        && council.secretaryUsers().contains(tenant.user().value()));
    }

    private static Statement map(ResultSet rs, int row) throws SQLException {
        Date deadline = rs.getDate("deadline");
        Date meeting = rs.getDate("meeting_date");
        return new Statement(
                rs.getObject("id", UUID.class),
                rs.getObject("body_id", UUID.class),
                new LocalizedText(rs.getString("body_name_fi"), rs.getString("body_name_sv"), null),
                deadline == null ? null : deadline.toLocalDate(),
                rs.getString("state"),
                meeting == null ? null : meeting.toLocalDate(),
                rs.getString("meeting_section"),
                new LocalizedText(rs.getString("text_fi"), rs.getString("text_sv"), null),
                rs.getString("entered_by"),
                rs.getObject("entered_at", OffsetDateTime.class),
                rs.getInt("version"));
    }
}
