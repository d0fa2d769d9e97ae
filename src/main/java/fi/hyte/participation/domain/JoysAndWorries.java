package fi.hyte.participation.domain;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joys and worries ("What is good here? What worries you?"): a standing collection (no end) or a
 * timed one on the public site, answered without signing in under the same protections as a
 * consultation (signed form token, honeypot, five per ten minutes per client, duplicates refused,
 * text that looks like personal data or a link held for a moderator). Staff add a workshop's results
 * naming its source. The coordinator groups items into themes of joys or worries linked to
 * indicators; those themes are what the wellbeing report shows beside the data.
 */
@Service
@Transactional
public class JoysAndWorries {

    public static final List<String> KINDS = List.of("JOY", "WORRY");

    private final JdbcClient jdbc;
    private final FormTokens tokens;
    private final PublicSites sites;
    private final PlanCatalog plans;
    private final IndicatorCatalog indicators;
    private final AuditLog audit;
    private final ZoneId zone;

    JoysAndWorries(
            JdbcClient jdbc,
            FormTokens tokens,
            PublicSites sites,
            PlanCatalog plans,
            IndicatorCatalog indicators,
            AuditLog audit,
            @Value("${hyte.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.sites = sites;
        this.plans = plans;
        this.indicators = indicators;
        this.audit = audit;
        this.zone = ZoneId.of(zone);
    }

    /** A collection; {@code closesAt} null for a standing one. */
    public record Collection(
            UUID id,
            OrganisationId organisation,
            LocalizedText title,
            LocalizedText intro,
            Instant opensAt,
            Instant closesAt,
            boolean published,
            boolean example,
            int version) {

        public boolean isOpen(Instant now) {
            return !now.isBefore(opensAt) && (closesAt == null || now.isBefore(closesAt));
        }

        public boolean standing() {
            return closesAt == null;
        }
    }

    /** A joy or worry; {@code source} names the workshop it came from (null: a resident online). */
    public record Item(
            UUID id,
            String kind,
            String text,
            String dimension,
            String ageGroup,
            String postalArea,
            String source,
            String status,
            Instant at,
            UUID theme) {}

    /** A theme of joys or of worries, its indicators and how many items it groups. */
    public record Theme(
            UUID id, String kind, LocalizedText title, List<Integer> indicatorIds, int items, int version) {}

    /** What a resident sent from the public form. */
    public record Submission(
            String token,
            String honeypot,
            String kind,
            String text,
            String dimension,
            String ageGroup,
            String postalArea) {}

    private static final String SELECT = "select id, organisation_id, title_fi, title_sv, title_en, intro_fi,"
            + " intro_sv, intro_en, opens_at, closes_at, published, example, version from joy_collection";

    @Transactional(readOnly = true)
    public List<Collection> collections(OrganisationId organisation) {
        return jdbc.sql(SELECT + " where organisation_id = ? order by opens_at desc, id")
                .param(organisation.value())
                .query(JoysAndWorries::collection)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Collection> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(SELECT + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(JoysAndWorries::collection)
                .optional();
    }

    /** The published collections open now, for the public site's front page. */
    @Transactional(readOnly = true)
    public List<Collection> openNow(OrganisationId organisation, Instant now) {
        return collections(organisation).stream()
                .filter(Collection::published)
                .filter(c -> c.isOpen(now))
                .toList();
    }

    /** The wellbeing dimensions an item may be about: the organisation's own list (Finnish names). */
    @Transactional(readOnly = true)
    public List<LocalizedText> dimensions(OrganisationId organisation) {
        return plans.dimensions(organisation);
    }

    /** Opens a collection (unpublished until the coordinator publishes it); the problem keys or the id. */
    public Result create(
            Tenant tenant, LocalizedText title, LocalizedText intro, Instant opens, Instant closes, boolean example) {
        tenant.require(Role.COORDINATOR);
        List<String> problems = rules(tenant.organisation(), title, opens, closes);
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into joy_collection (id, organisation_id, title_fi, title_sv, title_en, intro_fi, intro_sv,"
                        + " intro_en, opens_at, closes_at, example) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        tenant.organisation().value(),
                        title.fi(),
                        title.sv(),
                        title.en(),
                        intro.fi(),
                        intro.sv(),
                        intro.en(),
                        Timestamp.from(opens),
                        closes == null ? null : Timestamp.from(closes),
                        example)
                .update();
        audit.created(tenant, "joyCollection", id, Map.of("title", title.fi(), "standing", closes == null));
        return new Result(id, List.of());
    }

    /** Publishes or withdraws a collection; a stale version is refused. */
    public void publish(Tenant tenant, UUID id, boolean published, int version) {
        tenant.require(Role.COORDINATOR);
        Collection c = own(tenant.organisation(), id);
        if (jdbc.sql("update joy_collection set published = ?, version = version + 1 where organisation_id = ? and id"
                                + " = ? and version = ?")
                        .params(published, tenant.organisation().value(), id, version)
                        .update()
                != 1) {
            throw new ConcurrentChangeException("Joy collection");
        }
        audit.updated(tenant, "joyCollection", id, Map.of("published", c.published()), Map.of("published", published));
        sites.published(tenant.organisation());
    }

    /** The problem keys or the new item's id. */
    public record Result(UUID id, List<String> problems) {}

    /** A resident's joy or worry: PUBLISHED, HELD, or refused with the problems' keys. */
    public Answering.Outcome submit(Collection c, Submission s, String clientAddress, Instant now) {
        if (!tokens.valid(s.token(), c.id(), now)) {
            return new Answering.Outcome("REFUSED", List.of("participation.answer.problem.token"));
        }
        if (!c.isOpen(now)) {
            return new Answering.Outcome(
                    "REFUSED",
                    List.of(
                            now.isBefore(c.opensAt())
                                    ? "participation.answer.problem.notOpen"
                                    : "participation.answer.problem.closed"));
        }
        if (s.honeypot() != null && !s.honeypot().isBlank()) {
            return new Answering.Outcome("HELD", List.of());
        }
        List<String> problems =
                itemProblems(c.organisation(), s.kind(), s.text(), s.dimension(), s.ageGroup(), s.postalArea());
        if (!problems.isEmpty()) {
            return new Answering.Outcome("REFUSED", problems);
        }
        jdbc.sql("select id from joy_collection where organisation_id = ? and id = ? for update")
                .params(c.organisation().value(), c.id())
                .query(UUID.class)
                .optional();
        String client = tokens.clientHash(clientAddress == null ? "" : clientAddress, LocalDate.ofInstant(now, zone));
        long recent = jdbc.sql("select count(*) from joy_item where collection_id = ? and client_hash = ? and"
                        + " submitted_at > ?")
                .params(c.id(), client, Timestamp.from(now.minusSeconds(600)))
                .query(Long.class)
                .single();
        if (recent >= Answering.PER_CLIENT) {
            return new Answering.Outcome("REFUSED", List.of("participation.answer.problem.throttled"));
        }
        String text = s.text().strip();
        String status = Answering.personalData(text).isPresent() ? "HELD" : "PUBLISHED";
        try {
            insert(
                    c,
                    s.kind(),
                    text,
                    blank(s.dimension()),
                    blank(s.ageGroup()),
                    blank(s.postalArea()),
                    null,
                    status,
                    client,
                    now,
                    null);
        } catch (DuplicateKeyException e) {
            return new Answering.Outcome("REFUSED", List.of("participation.answer.problem.duplicate"));
        }
        jdbc.sql("update joy_item set client_hash = null where collection_id = ? and client_hash is not null and"
                        + " submitted_at < ?")
                .params(c.id(), Timestamp.from(now.minusSeconds(48 * 3600)))
                .update();
        return new Answering.Outcome(status, List.of());
    }

    /** A workshop's result entered by staff, with its source (e.g. "Nuorisovaltuuston työpaja 3.10."). */
    public Result addWorkshopItem(
            Tenant tenant,
            UUID collection,
            String kind,
            String text,
            String source,
            String dimension,
            String ageGroup,
            String postalArea) {
        tenant.require(Role.EDITOR);
        Collection c = own(tenant.organisation(), collection);
        List<String> problems =
                new ArrayList<>(itemProblems(tenant.organisation(), kind, text, dimension, ageGroup, postalArea));
        if (blank(source) == null || source.strip().length() > 200) {
            problems.add("participation.joys.problem.source");
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        UUID id;
        try {
            id = insert(
                    c,
                    kind,
                    text.strip(),
                    blank(dimension),
                    blank(ageGroup),
                    blank(postalArea),
                    source.strip(),
                    "PUBLISHED",
                    null,
                    Instant.now(),
                    tenant.userName());
        } catch (DuplicateKeyException e) {
            return new Result(null, List.of("participation.answer.problem.duplicate"));
        }
        audit.created(tenant, "joyItem", id, Map.of("kind", kind, "source", source.strip()));
        sites.published(tenant.organisation());
        return new Result(id, List.of());
    }

    @Transactional(readOnly = true)
    public List<Item> items(OrganisationId organisation, UUID collection, boolean publishedOnly) {
        return jdbc.sql("select i.id, i.kind, i.text, i.dimension, i.age_group, i.postal_area, i.source, i.status,"
                        + " i.submitted_at, ti.theme_id from joy_item i left join participation_theme_item ti on"
                        + " ti.item_id = i.id and ti.organisation_id = i.organisation_id where i.organisation_id = ? and"
                        + " i.collection_id = ? and (i.status = 'PUBLISHED' or not ?) and i.status <> 'REMOVED'"
                        + " order by i.submitted_at, i.id")
                .params(organisation.value(), collection, publishedOnly)
                .query((rs, n) -> new Item(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant(),
                        rs.getObject(10, UUID.class)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Theme> themes(OrganisationId organisation, UUID collection) {
        return jdbc.sql("select t.id, t.kind, t.title_fi, t.title_sv, t.title_en, t.indicator_ids, t.version, (select"
                        + " count(*) from participation_theme_item i where i.theme_id = t.id) from participation_theme t"
                        + " where t.organisation_id = ? and t.collection_id = ? order by t.kind, t.created_at, t.id")
                .params(organisation.value(), collection)
                .query(JoysAndWorries::theme)
                .list();
    }

    /** A theme of joys or of worries linked to indicators the organisation sees. */
    public Result addTheme(Tenant tenant, UUID collection, String kind, LocalizedText title, List<Integer> ids) {
        tenant.require(Role.COORDINATOR);
        own(tenant.organisation(), collection);
        List<String> problems = new ArrayList<>();
        if (kind == null || !KINDS.contains(kind)) {
            problems.add("participation.joys.problem.kind");
        }
        if (title.fi() == null || title.fi().length() > 200) {
            problems.add("participation.loop.problem.themeTitle");
        } else if (sites.bilingual(tenant.organisation()) && title.sv() == null) {
            problems.add("participation.loop.problem.swedish");
        }
        Set<Integer> known = new LinkedHashSet<>();
        for (Integer id : ids) {
            if (indicators.find(tenant.organisation(), id).isEmpty()) {
                problems.add("participation.joys.problem.indicator");
            } else {
                known.add(id);
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems.stream().distinct().toList());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into participation_theme (id, organisation_id, collection_id, kind, title_fi, title_sv,"
                        + " title_en, indicator_ids) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        tenant.organisation().value(),
                        collection,
                        kind,
                        title.fi(),
                        title.sv(),
                        title.en(),
                        known.toArray(new Integer[0]))
                .update();
        audit.created(tenant, "participationTheme", id, Map.of("title", title.fi(), "kind", kind, "indicators", known));
        sites.published(tenant.organisation());
        return new Result(id, List.of());
    }

    /** Groups items of the collection into one of its themes (null: out of any theme); others' ids are ignored. */
    public int group(Tenant tenant, UUID collection, UUID theme, List<UUID> items) {
        tenant.require(Role.COORDINATOR);
        own(tenant.organisation(), collection);
        if (theme != null && themes(tenant.organisation(), collection).stream().noneMatch(t -> t.id().equals(theme))) {
            throw new NotFoundException("Theme");
        }
        Set<UUID> own = new LinkedHashSet<>();
        items(tenant.organisation(), collection, false).forEach(i -> own.add(i.id()));
        int changed = 0;
        for (UUID item : items) {
            if (!own.contains(item)) {
                continue;
            }
            jdbc.sql("delete from participation_theme_item where item_id = ? and organisation_id = ?")
                    .params(item, tenant.organisation().value())
                    .update();
            if (theme != null) {
                jdbc.sql("insert into participation_theme_item (item_id, organisation_id, theme_id) values (?, ?, ?)")
                        .params(item, tenant.organisation().value(), theme)
                        .update();
            }
            changed++;
        }
        if (changed > 0) {
            audit.updated(
                    tenant,
                    "participationTheme",
                    theme == null ? collection : theme,
                    Map.of(),
                    Map.of("items", changed, "theme", String.valueOf(theme)));
        }
        return changed;
    }

    /** A theme of a year: the themes with items of that year (Europe/Helsinki), for the wellbeing report. */
    public record YearTheme(
            UUID id,
            String kind,
            LocalizedText title,
            int items,
            List<Integer> indicatorIds,
            List<String> sources,
            boolean example) {}

    @Transactional(readOnly = true)
    public List<YearTheme> ofYear(OrganisationId organisation, int year) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        return jdbc.sql("select t.id, t.kind, t.title_fi, t.title_sv, t.title_en, t.indicator_ids, count(i.id),"
                        + " array_remove(array_agg(distinct i.source), null), bool_or(c.example) from participation_theme"
                        + " t join joy_collection c on c.id = t.collection_id and c.organisation_id = t.organisation_id"
                        + " join participation_theme_item ti on ti.theme_id = t.id join joy_item i on i.id = ti.item_id"
                        + " and i.organisation_id = t.organisation_id where t.organisation_id = ? and i.status ="
                        + " 'PUBLISHED' and i.submitted_at >= ? and i.submitted_at < ? group by t.id, t.kind,"
                        + " t.title_fi, t.title_sv, t.title_en, t.indicator_ids order by t.kind, count(i.id) desc,"
                        + " t.title_fi")
                .params(organisation.value(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new YearTheme(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        new LocalizedText(rs.getString(3), rs.getString(4), rs.getString(5)),
                        rs.getInt(7),
                        ints(rs.getArray(6)),
                        strings(rs.getArray(8)),
                        rs.getBoolean(9)))
                .list();
    }

    private List<String> itemProblems(
            OrganisationId organisation, String kind, String text, String dimension, String age, String area) {
        List<String> problems = new ArrayList<>();
        if (kind == null || !KINDS.contains(kind)) {
            problems.add("participation.joys.problem.kind");
        }
        if (blank(text) == null) {
            problems.add("participation.answer.problem.empty");
        } else if (text.strip().length() > Answering.MAX_TEXT) {
            problems.add("participation.answer.problem.tooLong");
        }
        if (blank(dimension) != null
                && dimensions(organisation).stream()
                        .noneMatch(d -> dimension.strip().equals(d.fi()))) {
            problems.add("participation.joys.problem.dimension");
        }
        if (blank(age) != null && !Answering.AGE_GROUPS.contains(age.strip())) {
            problems.add("participation.answer.problem.ageGroup");
        }
        if (blank(area) != null && !area.strip().matches("[0-9]{5}")) {
            problems.add("participation.answer.problem.postalArea");
        }
        return problems;
    }

    private UUID insert(
            Collection c,
            String kind,
            String text,
            String dimension,
            String age,
            String area,
            String source,
            String status,
            String client,
            Instant at,
            String by) {
        UUID id = UUID.randomUUID();
        String hash = HexFormat.of()
                .formatHex(FormTokens.sha256((kind + "\n" + text.toLowerCase()).getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("insert into joy_item (id, organisation_id, collection_id, kind, text, dimension, age_group,"
                        + " postal_area, source, status, client_hash, content_hash, submitted_at, added_by) values (?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        c.organisation().value(),
                        c.id(),
                        kind,
                        text,
                        dimension,
                        age,
                        area,
                        source,
                        status,
                        client,
                        hash,
                        Timestamp.from(at),
                        by)
                .update();
        return id;
    }

    private List<String> rules(OrganisationId organisation, LocalizedText title, Instant opens, Instant closes) {
        List<String> problems = new ArrayList<>();
        if (title.fi() == null || title.fi().length() > 200) {
            problems.add("participation.joys.problem.title");
        } else if (sites.bilingual(organisation) && title.sv() == null) {
            problems.add("participation.loop.problem.swedish");
        }
        if (opens == null) {
            problems.add("participation.consultation.problem.dateTime");
        } else if (closes != null && !closes.isAfter(opens)) {
            problems.add("participation.consultation.problem.period");
        }
        return problems;
    }

    private Collection own(OrganisationId organisation, UUID id) {
        return find(organisation, id).orElseThrow(() -> new NotFoundException("Joy collection"));
    }

    private static Collection collection(ResultSet rs, int row) throws SQLException {
        Timestamp closes = rs.getTimestamp("closes_at");
        return new Collection(
                rs.getObject("id", UUID.class),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                new LocalizedText(rs.getString("title_fi"), rs.getString("title_sv"), rs.getString("title_en")),
                new LocalizedText(rs.getString("intro_fi"), rs.getString("intro_sv"), rs.getString("intro_en")),
                rs.getTimestamp("opens_at").toInstant(),
                closes == null ? null : closes.toInstant(),
                rs.getBoolean("published"),
                rs.getBoolean("example"),
                rs.getInt("version"));
    }

    private static Theme theme(ResultSet rs, int row) throws SQLException {
        return new Theme(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                new LocalizedText(rs.getString(3), rs.getString(4), rs.getString(5)),
                ints(rs.getArray(6)),
                rs.getInt(8),
                rs.getInt(7));
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((Integer[]) array.getArray()));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
