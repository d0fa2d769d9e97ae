package fi.hyte.report.domain;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports with their sections, blocks, comments, handlings, snapshots and collected material. */
@Repository
public class Reports {

    private static final String REPORT = "select id, kind, title_fi, title_sv, title_en, first_year, last_year,"
            + " plan_id, status, outline_id, outline_version, based_on, swedish_required, example, summary_fi,"
            + " summary_sv, summary_en, no_summary_reason, change_threshold, correction_reason, locked_at,"
            + " sent_to_county_at, version from report";
    private static final String SECTION = "select id, report_id, position, outline_key, title_fi, title_sv, title_en,"
            + " body_fi, body_sv, body_en, author_person_id, sector_id, due_on, reviewed_at, reviewed_by, version"
            + " from report_section";
    private static final String BLOCK = "select id, section_id, position, kind, indicator_id, gender, goal_id, year,"
            + " show_previous, reviewed_fingerprint from report_block";
    private static final String SNAPSHOT = "select id, report_id, version_no, content, sha256, body_name, decided_on,"
            + " paragraph, minutes_url, correction_reason, approved_at, approved_by, published_at from report_snapshot";

    /** A snapshot's fields without its content (megabytes of JSON): for the public pages, which take the content parsed from the cache. */
    private static final String SNAPSHOT_META = "select id, report_id, version_no, null as content, sha256, body_name,"
            + " decided_on, paragraph, minutes_url, correction_reason, approved_at, approved_by, published_at from report_snapshot";

    private final JdbcClient jdbc;

    Reports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Report> of(OrganisationId organisation) {
        return jdbc.sql(REPORT + " where organisation_id = ? order by last_year desc, first_year desc, created_at desc")
                .param(organisation.value())
                .query(Reports::report)
                .list();
    }

    public Optional<Report> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(REPORT + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Reports::report)
                .optional();
    }

    /** The report locked for update until the transaction ends: two approvals wait for each other. */
    public Optional<Report> lock(OrganisationId organisation, UUID id) {
        return jdbc.sql(REPORT + " where organisation_id = ? and id = ? for update")
                .params(organisation.value(), id)
                .query(Reports::report)
                .optional();
    }

    public void insert(OrganisationId organisation, Report r) {
        jdbc.sql("insert into report (id, organisation_id, kind, title_fi, title_sv, title_en, first_year, last_year,"
                        + " plan_id, status, outline_id, outline_version, based_on, swedish_required, example,"
                        + " change_threshold) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        organisation.value(),
                        r.kind().name(),
                        r.title().fi(),
                        r.title().sv(),
                        r.title().en(),
                        r.firstYear(),
                        r.lastYear(),
                        r.planId(),
                        r.status().name(),
                        r.outlineId(),
                        r.outlineVersion(),
                        r.basedOn(),
                        r.swedishRequired(),
                        r.example(),
                        r.changeThreshold())
                .update();
    }

    /** Saves the report's own fields if nobody saved it meanwhile; returns the rows changed. */
    public int update(OrganisationId organisation, Report r, int expectedVersion) {
        return jdbc.sql("update report set title_fi = ?, title_sv = ?, title_en = ?, plan_id = ?, swedish_required = ?,"
                        + " summary_fi = ?, summary_sv = ?, summary_en = ?, no_summary_reason = ?, change_threshold = ?,"
                        + " version = version + 1 where organisation_id = ? and id = ? and version = ?")
                .params(
                        r.title().fi(),
                        r.title().sv(),
                        r.title().en(),
                        r.planId(),
                        r.swedishRequired(),
                        r.summary().fi(),
                        r.summary().sv(),
                        r.summary().en(),
                        r.noSummaryReason(),
                        r.changeThreshold(),
                        organisation.value(),
                        r.id(),
                        expectedVersion)
                .update();
    }

    /** Moves the report on if it is in the expected state; the locked content is set or cleared with it. */
    public int changeStatus(
            OrganisationId organisation,
            UUID id,
            ReportStatus from,
            ReportStatus to,
            String lockedContent,
            String correctionReason) {
        return jdbc.sql("update report set status = ?, locked_content = ?,"
                        + " locked_at = case when cast(? as text) is null then null else now() end,"
                        + " correction_reason = coalesce(cast(? as text), correction_reason), version = version + 1"
                        + " where organisation_id = ? and id = ? and status = ?")
                .params(
                        to.name(),
                        lockedContent,
                        lockedContent,
                        correctionReason,
                        organisation.value(),
                        id,
                        from.name())
                .update();
    }

    public Optional<String> lockedContent(OrganisationId organisation, UUID id) {
        return jdbc.sql("select locked_content from report where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(String.class)
                .optional();
    }

    public void markSent(OrganisationId organisation, UUID id) {
        jdbc.sql("update report set sent_to_county_at = now() where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .update();
    }

    // Sections

    public List<Section> sections(OrganisationId organisation, UUID report) {
        return jdbc.sql(SECTION + " where organisation_id = ? and report_id = ? order by position, id")
                .params(organisation.value(), report)
                .query(Reports::section)
                .list();
    }

    public Optional<Section> section(OrganisationId organisation, UUID id) {
        return jdbc.sql(SECTION + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Reports::section)
                .optional();
    }

    /**
     * An earlier report's pictures copied into the new report's section that continues {@code from}:
     * the bytes, all texts, order and numbers, so the copied text's references find them.
     */
    public int copyPictures(OrganisationId organisation, UUID from, UUID toReport, UUID toSection) {
        return jdbc.sql(
                        "insert into report_image (id, organisation_id, report_id, section_id, position, media_type, data,"
                                + " sha256, width, height, alt_fi, alt_sv, alt_en, caption_fi, caption_sv, caption_en, credit, number)"
                                + " select gen_random_uuid(), organisation_id, ?, ?, position, media_type, data, sha256, width, height,"
                                + " alt_fi, alt_sv, alt_en, caption_fi, caption_sv, caption_en, credit, number from report_image"
                                + " where organisation_id = ? and section_id = ?")
                .params(toReport, toSection, organisation.value(), from)
                .update();
    }

    public void insertSection(OrganisationId organisation, Section s) {
        jdbc.sql("insert into report_section (id, organisation_id, report_id, position, outline_key, title_fi,"
                        + " title_sv, title_en, body_fi, body_sv, body_en, author_person_id, sector_id, due_on)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.id(),
                        organisation.value(),
                        s.reportId(),
                        s.position(),
                        s.outlineKey(),
                        s.title().fi(),
                        s.title().sv(),
                        s.title().en(),
                        s.body().fi(),
                        s.body().sv(),
                        s.body().en(),
                        s.authorPersonId(),
                        s.sectorId(),
                        s.dueOn() == null ? null : Date.valueOf(s.dueOn()))
                .update();
    }

    /** Saves a section's texts and responsibilities if nobody saved it meanwhile; returns rows changed. */
    public int updateSection(OrganisationId organisation, Section s, int expectedVersion) {
        return jdbc.sql("update report_section set title_fi = ?, title_sv = ?, title_en = ?, body_fi = ?, body_sv = ?,"
                        + " body_en = ?, author_person_id = ?, sector_id = ?, due_on = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(
                        s.title().fi(),
                        s.title().sv(),
                        s.title().en(),
                        s.body().fi(),
                        s.body().sv(),
                        s.body().en(),
                        s.authorPersonId(),
                        s.sectorId(),
                        s.dueOn() == null ? null : Date.valueOf(s.dueOn()),
                        organisation.value(),
                        s.id(),
                        expectedVersion)
                .update();
    }

    public void moveSection(OrganisationId organisation, UUID id, int position) {
        jdbc.sql("update report_section set position = ?, version = version + 1 where organisation_id = ? and id = ?")
                .params(position, organisation.value(), id)
                .update();
    }

    public void deleteSection(OrganisationId organisation, UUID id) {
        jdbc.sql("delete from report_section where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .update();
    }

    /** Signs the section off and remembers each block's data as it was seen. */
    public void markReviewed(OrganisationId organisation, UUID section, String by) {
        jdbc.sql("update report_section set reviewed_at = now(), reviewed_by = ? where organisation_id = ? and id = ?")
                .params(by, organisation.value(), section)
                .update();
    }

    public void setFingerprint(OrganisationId organisation, UUID block, String fingerprint) {
        jdbc.sql("update report_block set reviewed_fingerprint = ? where organisation_id = ? and id = ?")
                .params(fingerprint, organisation.value(), block)
                .update();
    }

    // Blocks

    public List<Block> blocks(OrganisationId organisation, UUID report) {
        return jdbc.sql(BLOCK + " where organisation_id = ? and report_id = ? order by position, id")
                .params(organisation.value(), report)
                .query(Reports::block)
                .list();
    }

    public Optional<Block> block(OrganisationId organisation, UUID id) {
        return jdbc.sql(BLOCK + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Reports::block)
                .optional();
    }

    public void insertBlock(OrganisationId organisation, UUID report, Block b) {
        jdbc.sql("insert into report_block (id, organisation_id, report_id, section_id, position, kind, indicator_id,"
                        + " gender, goal_id, year, show_previous) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        b.id(),
                        organisation.value(),
                        report,
                        b.sectionId(),
                        b.position(),
                        b.kind().name(),
                        b.indicatorId(),
                        b.gender(),
                        b.goalId(),
                        b.year(),
                        b.showPrevious())
                .update();
    }

    public void moveBlock(OrganisationId organisation, UUID id, int position) {
        jdbc.sql("update report_block set position = ? where organisation_id = ? and id = ?")
                .params(position, organisation.value(), id)
                .update();
    }

    public void deleteBlock(OrganisationId organisation, UUID id) {
        jdbc.sql("delete from report_block where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .update();
    }

    // Comments

    public List<Comment> comments(OrganisationId organisation, UUID report) {
        return jdbc.sql("select c.id, c.section_id, c.block_id, c.parent_id, c.author_name, c.author_user, c.body,"
                        + " c.created_at, c.resolved_at, c.resolved_by from report_comment c join report_section s"
                        + " on s.id = c.section_id and s.organisation_id = c.organisation_id"
                        + " where c.organisation_id = ? and s.report_id = ? order by c.created_at, c.id")
                .params(organisation.value(), report)
                .query(Comment.class)
                .list();
    }

    public Optional<Comment> comment(OrganisationId organisation, UUID id) {
        return jdbc.sql("select id, section_id, block_id, parent_id, author_name, author_user, body, created_at,"
                        + " resolved_at, resolved_by from report_comment where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Comment.class)
                .optional();
    }

    public void insertComment(OrganisationId organisation, Comment c) {
        jdbc.sql("insert into report_comment (id, organisation_id, section_id, block_id, parent_id, author_name,"
                        + " author_user, body) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id(),
                        organisation.value(),
                        c.sectionId(),
                        c.blockId(),
                        c.parentId(),
                        c.authorName(),
                        c.authorUser(),
                        c.body())
                .update();
    }

    /** Resolves a thread: the comment and its answers. */
    public int resolve(OrganisationId organisation, UUID id, String by) {
        return jdbc.sql("update report_comment set resolved_at = now(), resolved_by = ?"
                        + " where organisation_id = ? and (id = ? or parent_id = ?) and resolved_at is null")
                .params(by, organisation.value(), id, id)
                .update();
    }

    // Handling and snapshots

    public List<Handling> handlings(OrganisationId organisation, UUID report) {
        return jdbc.sql(
                        "select id, report_id, body_id, body_name, meeting_on, paragraph, minutes_url, outcome, amendment,"
                                + " recorded_at, recorded_by from report_handling where organisation_id = ? and report_id = ?"
                                + " order by meeting_on, recorded_at")
                .params(organisation.value(), report)
                .query(Handling.class)
                .list();
    }

    public void insertHandling(OrganisationId organisation, Handling h) {
        jdbc.sql("insert into report_handling (id, organisation_id, report_id, body_id, body_name, meeting_on,"
                        + " paragraph, minutes_url, outcome, amendment, recorded_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        h.id(),
                        organisation.value(),
                        h.reportId(),
                        h.bodyId(),
                        h.bodyName(),
                        Date.valueOf(h.meetingOn()),
                        h.paragraph(),
                        h.minutesUrl(),
                        h.outcome().name(),
                        h.amendment(),
                        h.recordedBy())
                .update();
    }

    public List<Snapshot> snapshots(OrganisationId organisation, UUID report) {
        return jdbc.sql(SNAPSHOT + " where organisation_id = ? and report_id = ? order by version_no desc")
                .params(organisation.value(), report)
                .query(Snapshot.class)
                .list();
    }

    /** The report's approved versions, latest first, without their content (for lists and pages that take it from {@link FrozenCache}). */
    public List<Snapshot> versions(OrganisationId organisation, UUID report) {
        return jdbc.sql(SNAPSHOT_META + " where organisation_id = ? and report_id = ? order by version_no desc")
                .params(organisation.value(), report)
                .query(Snapshot.class)
                .list();
    }

    public Optional<Snapshot> snapshot(OrganisationId organisation, UUID id) {
        return jdbc.sql(SNAPSHOT + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Snapshot.class)
                .optional();
    }

    /** The id of the organisation's latest approved snapshot of another report ending at or before the year. */
    public Optional<UUID> previousApprovedId(OrganisationId organisation, UUID excludingReport, int beforeYear) {
        return jdbc.sql("select s.id from report_snapshot s join report r on r.id = s.report_id"
                        + " where s.organisation_id = ? and s.report_id <> ? and r.last_year <= ?"
                        + " order by s.decided_on desc, s.version_no desc limit 1")
                .params(organisation.value(), excludingReport, beforeYear)
                .query(UUID.class)
                .optional();
    }

    public int nextVersionNo(UUID report) {
        return jdbc.sql("select coalesce(max(version_no), 0) + 1 from report_snapshot where report_id = ?")
                .param(report)
                .query(Integer.class)
                .single();
    }

    public void insertSnapshot(OrganisationId organisation, Snapshot s) {
        jdbc.sql("insert into report_snapshot (id, organisation_id, report_id, version_no, content, sha256, body_name,"
                        + " decided_on, paragraph, minutes_url, correction_reason, approved_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.id(),
                        organisation.value(),
                        s.reportId(),
                        s.versionNo(),
                        s.content(),
                        s.sha256(),
                        s.bodyName(),
                        Date.valueOf(s.decidedOn()),
                        s.paragraph(),
                        s.minutesUrl(),
                        s.correctionReason(),
                        s.approvedBy())
                .update();
    }

    public int publish(OrganisationId organisation, UUID snapshot) {
        return jdbc.sql("update report_snapshot set published_at = now() where organisation_id = ? and id = ?"
                        + " and published_at is null")
                .params(organisation.value(), snapshot)
                .update();
    }

    /** A snapshot's stored content (its JSON text), for a snapshot read without it. */
    public Optional<String> content(UUID snapshot) {
        return jdbc.sql("select content from report_snapshot where id = ?")
                .param(snapshot)
                .query(String.class)
                .optional();
    }

    /**
     * A published snapshot by its report, for the public page; the latest published version when no
     * number is given. Without its content: take that from {@link FrozenCache}.
     */
    public Optional<PublishedSnapshot> published(UUID report, Integer versionNo) {
        return jdbc.sql("select s.organisation_id, " + SNAPSHOT_META.substring("select ".length())
                        + " s where s.report_id = ? and s.published_at is not null and (cast(? as integer) is null or s.version_no = ?)"
                        + " order by s.version_no desc limit 1")
                .params(report, versionNo, versionNo)
                .query((rs, i) -> new PublishedSnapshot(
                        new OrganisationId(rs.getObject("organisation_id", UUID.class)), snapshot(rs)))
                .optional();
    }

    /** The organisation's published reports, latest first, for the public list of earlier reports (without content). */
    public List<PublishedSnapshot> publishedOf(OrganisationId organisation) {
        return jdbc
                .sql("select distinct on (s.report_id) s.organisation_id, "
                        + SNAPSHOT_META.substring("select ".length())
                        + " s where s.organisation_id = ? and s.published_at is not null"
                        + " order by s.report_id, s.version_no desc")
                .param(organisation.value())
                .query((rs, i) -> new PublishedSnapshot(
                        new OrganisationId(rs.getObject("organisation_id", UUID.class)), snapshot(rs)))
                .list()
                .stream()
                .sorted((a, b) ->
                        b.snapshot().decidedOn().compareTo(a.snapshot().decidedOn()))
                .toList();
    }

    public record PublishedSnapshot(OrganisationId organisation, Snapshot snapshot) {}

    // Exports

    public Optional<byte[]> export(UUID snapshot, String format, String language) {
        return jdbc.sql("select bytes from report_export where snapshot_id = ? and format = ? and language = ?")
                .params(snapshot, format, language)
                .query(byte[].class)
                .optional();
    }

    public void saveExport(OrganisationId organisation, UUID snapshot, String format, String language, byte[] bytes) {
        jdbc.sql(
                        "insert into report_export (snapshot_id, organisation_id, format, language, bytes) values (?, ?, ?, ?, ?)"
                                + " on conflict (snapshot_id, format, language) do update set bytes = excluded.bytes,"
                                + " created_at = now()")
                .params(snapshot, organisation.value(), format, language, bytes)
                .update();
    }

    // Minimum data list, joys and worries

    public List<Placement> placements(OrganisationId organisation, UUID report) {
        return jdbc.sql("select item_key, section_id, omitted_reason from report_minimum_item"
                        + " where organisation_id = ? and report_id = ?")
                .params(organisation.value(), report)
                .query(Placement.class)
                .list();
    }

    public void place(OrganisationId organisation, UUID report, Placement p) {
        jdbc.sql("insert into report_minimum_item (organisation_id, report_id, item_key, section_id, omitted_reason)"
                        + " values (?, ?, ?, ?, ?) on conflict (report_id, item_key) do update set"
                        + " section_id = excluded.section_id, omitted_reason = excluded.omitted_reason")
                .params(organisation.value(), report, p.itemKey(), p.sectionId(), p.omittedReason())
                .update();
    }

    public List<JoyWorry> joysAndWorries(OrganisationId organisation, UUID report) {
        return jdbc.sql("select id, report_id, kind, source, text, indicator_id, created_at from report_joy_worry"
                        + " where organisation_id = ? and report_id = ? order by kind, created_at, id")
                .params(organisation.value(), report)
                .query(JoyWorry.class)
                .list();
    }

    public void insertJoyWorry(OrganisationId organisation, JoyWorry j) {
        jdbc.sql("insert into report_joy_worry (id, organisation_id, report_id, kind, source, text, indicator_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        j.id(),
                        organisation.value(),
                        j.reportId(),
                        j.kind().name(),
                        j.source(),
                        j.text(),
                        j.indicatorId())
                .update();
    }

    public int deleteJoyWorry(OrganisationId organisation, UUID id) {
        return jdbc.sql("delete from report_joy_worry where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .update();
    }

    // Regional: what members sent, and links the county recorded

    public void recordSent(UUID snapshot, OrganisationId from, OrganisationId to, String by) {
        jdbc.sql(
                        "insert into report_sent (snapshot_id, from_organisation, to_organisation, sent_by) values (?, ?, ?, ?)"
                                + " on conflict do nothing")
                .params(snapshot, from.value(), to.value(), by)
                .update();
    }

    /** The approved extended reports members sent to the county: only what was sent, never a draft. */
    public List<MemberReport> sentTo(OrganisationId county) {
        return jdbc.sql("select rs.from_organisation, r.title_fi, s.decided_on, rs.sent_at, s.report_id, s.version_no"
                        + " from report_sent rs join report_snapshot s on s.id = rs.snapshot_id"
                        + " join report r on r.id = s.report_id where rs.to_organisation = ? order by rs.sent_at desc")
                .param(county.value())
                .query((rs, i) -> new MemberReport(
                        new OrganisationId(rs.getObject(1, UUID.class)),
                        null,
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, OffsetDateTime.class),
                        "/public/reports/" + rs.getObject(5, UUID.class) + "/v/" + rs.getInt(6)))
                .list();
    }

    public List<MemberReport> memberLinks(OrganisationId county) {
        return jdbc.sql("select member_name, title, url, approved_on, received_on from report_member_link"
                        + " where organisation_id = ? order by member_name")
                .param(county.value())
                .query((rs, i) -> new MemberReport(
                        null,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class) == null
                                ? null
                                : rs.getObject(5, LocalDate.class)
                                        .atStartOfDay()
                                        .atOffset(java.time.ZoneOffset.UTC),
                        rs.getString(3)))
                .list();
    }

    public void insertMemberLink(
            OrganisationId county,
            String member,
            String title,
            String url,
            LocalDate approvedOn,
            LocalDate receivedOn) {
        jdbc.sql(
                        "insert into report_member_link (id, organisation_id, member_name, title, url, approved_on, received_on)"
                                + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        county.value(),
                        member,
                        title,
                        url,
                        approvedOn == null ? null : Date.valueOf(approvedOn),
                        receivedOn == null ? null : Date.valueOf(receivedOn))
                .update();
    }

    /**
     * A member's report as the county sees it: sent through Hyte (organisation set) or recorded as a
     * link (member name set).
     */
    public record MemberReport(
            OrganisationId organisation,
            String memberName,
            String title,
            LocalDate approvedOn,
            OffsetDateTime sentAt,
            String url) {}

    private static Report report(ResultSet rs, int row) throws SQLException {
        return new Report(
                rs.getObject("id", UUID.class),
                ReportKind.valueOf(rs.getString("kind")),
                new LocalizedText(rs.getString("title_fi"), rs.getString("title_sv"), rs.getString("title_en")),
                rs.getInt("first_year"),
                rs.getInt("last_year"),
                rs.getObject("plan_id", UUID.class),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getString("outline_id"),
                rs.getInt("outline_version"),
                rs.getObject("based_on", UUID.class),
                rs.getBoolean("swedish_required"),
                rs.getBoolean("example"),
                new LocalizedText(rs.getString("summary_fi"), rs.getString("summary_sv"), rs.getString("summary_en")),
                rs.getString("no_summary_reason"),
                rs.getBigDecimal("change_threshold"),
                rs.getString("correction_reason"),
                rs.getObject("locked_at", OffsetDateTime.class),
                rs.getObject("sent_to_county_at", OffsetDateTime.class),
                rs.getInt("version"));
    }

    private static Section section(ResultSet rs, int row) throws SQLException {
        return new Section(
                rs.getObject("id", UUID.class),
                rs.getObject("report_id", UUID.class),
                rs.getInt("position"),
                rs.getString("outline_key"),
                new LocalizedText(rs.getString("title_fi"), rs.getString("title_sv"), rs.getString("title_en")),
                new LocalizedText(rs.getString("body_fi"), rs.getString("body_sv"), rs.getString("body_en")),
                rs.getObject("author_person_id", UUID.class),
                rs.getObject("sector_id", UUID.class),
                rs.getObject("due_on", LocalDate.class),
                rs.getObject("reviewed_at", OffsetDateTime.class),
                rs.getString("reviewed_by"),
                rs.getInt("version"));
    }

    private static Block block(ResultSet rs, int row) throws SQLException {
        return new Block(
                rs.getObject("id", UUID.class),
                rs.getObject("section_id", UUID.class),
                rs.getInt("position"),
                BlockKind.valueOf(rs.getString("kind")),
                (Integer) rs.getObject("indicator_id"),
                rs.getString("gender"),
                rs.getObject("goal_id", UUID.class),
                (Integer) rs.getObject("year"),
                rs.getBoolean("show_previous"),
                rs.getString("reviewed_fingerprint"));
    }

    private static Snapshot snapshot(ResultSet rs) throws SQLException {
        return new Snapshot(
                rs.getObject("id", UUID.class),
                rs.getObject("report_id", UUID.class),
                rs.getInt("version_no"),
                rs.getString("content"),
                rs.getString("sha256"),
                rs.getString("body_name"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("paragraph"),
                rs.getString("minutes_url"),
                rs.getString("correction_reason"),
                rs.getObject("approved_at", OffsetDateTime.class),
                rs.getString("approved_by"),
                rs.getObject("published_at", OffsetDateTime.class));
    }
}
