package fi.hyte.report.domain;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.maturity.MaturityCatalog;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.participation.ParticipationCatalog;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.report.domain.Composer.Context;
import fi.hyte.report.domain.Composer.Facts;
import fi.hyte.report.domain.ReportContent.BlockContent;
import fi.hyte.report.domain.ReportContent.Item;
import fi.hyte.report.domain.ReportContent.TableContent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The blocks of a county's regional report that gather what its member municipalities share: their
 * maturity levels (each member's latest concluded Promeq round — never an open one) and the joys and
 * worries their residents raised (the published themes on each member's participation side) and those
 * each member recorded in its latest approved report (read from that report's frozen snapshot),
 * grouped by the indicator they are linked to. A county never reads a member's drafts: only a closed
 * round's agreed levels, published items and approved, frozen versions reach it.
 */
@Component
class RegionalBlocks {

    private final OrganisationCatalog organisations;
    private final MaturityCatalog maturity;
    private final ParticipationCatalog participation;
    private final IndicatorCatalog indicators;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final FrozenCache frozen;
    private final Reports reports;

    RegionalBlocks(
            OrganisationCatalog organisations,
            MaturityCatalog maturity,
            ParticipationCatalog participation,
            IndicatorCatalog indicators,
            MessageSource messages,
            JdbcClient jdbc,
            FrozenCache frozen,
            Reports reports) {
        this.organisations = organisations;
        this.maturity = maturity;
        this.participation = participation;
        this.indicators = indicators;
        this.messages = messages;
        this.jdbc = jdbc;
        this.frozen = frozen;
        this.reports = reports;
    }

    /** A member municipality of the county, by name in the reader's language. */
    private record Member(OrganisationId id, String name) {}

    /** A county's members, the other organisations of its county in Hyte; none for one that is not a county. */
    List<OrganisationId> memberIds(OrganisationId organisation) {
        return members(organisation, Locale.forLanguageTag("fi"))
                .map(all -> all.stream().map(Member::id).toList())
                .orElse(List.of());
    }

    private Optional<List<Member>> members(Context c) {
        return members(c.organisation, c.locale);
    }

    private Optional<List<Member>> members(OrganisationId organisation, Locale locale) {
        boolean county = organisations
                .summary(organisation)
                .map(o -> "WELLBEING_COUNTY".equals(o.regionKind()))
                .orElse(false);
        if (!county) {
            return Optional.empty();
        }
        String code = organisations.countyOf(organisation).orElse(null);
        if (code == null) {
            return Optional.of(List.of());
        }
        return Optional.of(organisations.inCounty(code).stream()
                .filter(o -> !o.id().equals(organisation))
                .map(o -> new Member(o.id(), o.name().in(locale)))
                .sorted(Comparator.comparing(Member::name))
                .toList());
    }

    // Maturity levels

    /** One criterion across the members: each member's agreed level. */
    private static final class Criterion {
        final LocalizedText title;
        final Map<Integer, LocalizedText> levelNames = new TreeMap<>();
        final List<Integer> levels = new ArrayList<>();

        Criterion(LocalizedText title) {
            this.title = title;
        }
    }

    BlockContent maturity(Context c, Block b) {
        String heading = msg(c, "report.block.MEMBERS_MATURITY");
        Facts facts = new Facts("MEMBERS_MATURITY");
        Optional<List<Member>> found = members(c);
        if (found.isEmpty()) {
            return empty(c, b, heading, msg(c, "report.regional.onlyCounty"), facts.digest());
        }
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        List<Item> rounds = new ArrayList<>();
        int assessed = 0;
        for (Member m : found.get()) {
            // latest() reads closed rounds only: an open round's levels are not the member's conclusion.
            Optional<MaturityCatalog.Standing> latest = maturity.latest(m.id());
            if (latest.isEmpty()) {
                rounds.add(new Item(m.name(), msg(c, "report.regional.noRound"), null, "no_data"));
                continue;
            }
            MaturityCatalog.Standing s = latest.get();
            assessed++;
            facts.add(m.id().value(), s.roundId(), s.assessedOn());
            rounds.add(new Item(
                    m.name(),
                    msg(c, "report.regional.round", s.roundTitle(), c.formats.date(s.assessedOn())),
                    null,
                    null));
            for (MaturityCatalog.CriterionStanding cr : s.criteria()) {
                if (cr.level() == null) {
                    continue;
                }
                Criterion into = criteria.computeIfAbsent(cr.key(), k -> new Criterion(cr.title()));
                into.levels.add(cr.level());
                if (cr.levelName() != null) {
                    into.levelNames.putIfAbsent(cr.level(), cr.levelName());
                }
                facts.add(m.id().value(), cr.key(), cr.level());
            }
        }
        if (assessed == 0) {
            Item[] none = rounds.toArray(Item[]::new);
            BlockContent e = empty(c, b, heading, msg(c, "report.regional.noRounds"), facts.digest());
            return new BlockContent(
                    e.id(),
                    e.kind(),
                    e.heading(),
                    null,
                    List.of(none),
                    null,
                    null,
                    e.empty(),
                    List.of(),
                    msg(c, "report.source.promeq"),
                    e.fingerprint());
        }
        List<List<String>> rows = new ArrayList<>();
        for (Criterion cr : criteria.values()) {
            Map<Integer, Long> counts =
                    cr.levels.stream().collect(Collectors.groupingBy(l -> l, TreeMap::new, Collectors.counting()));
            long most =
                    counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
            List<Integer> shared = counts.entrySet().stream()
                    .filter(e -> e.getValue() == most)
                    .map(Map.Entry::getKey)
                    .toList();
            String sharedText = shared.stream()
                    .map(l -> cr.levelNames.containsKey(l)
                            ? l + " " + cr.levelNames.get(l).in(c.locale)
                            : String.valueOf(l))
                    .collect(Collectors.joining(", "));
            int low = cr.levels.stream().mapToInt(Integer::intValue).min().orElse(0);
            int high = cr.levels.stream().mapToInt(Integer::intValue).max().orElse(0);
            rows.add(List.of(
                    cr.title.in(c.locale),
                    sharedText,
                    msg(c, "report.regional.ofMembers", String.valueOf(most), String.valueOf(cr.levels.size())),
                    low == high ? String.valueOf(low) : low + "–" + high));
        }
        List<String> notes = new ArrayList<>();
        if (assessed < found.get().size()) {
            notes.add(msg(
                    c,
                    "report.regional.notAssessed",
                    String.valueOf(found.get().size() - assessed),
                    String.valueOf(found.get().size())));
        }
        return new BlockContent(
                b.id(),
                b.kind().name(),
                heading,
                msg(c, "report.regional.maturityLead", String.valueOf(assessed)),
                rounds,
                null,
                new TableContent(
                        heading,
                        List.of(
                                msg(c, "report.table.criterion"),
                                msg(c, "report.regional.sharedLevel"),
                                msg(c, "report.regional.membersAtLevel"),
                                msg(c, "report.regional.spread")),
                        List.of(false, false, true, true),
                        rows),
                null,
                notes,
                msg(c, "report.source.promeq"),
                facts.digest());
    }

    // Joys and worries

    /** The themes of one kind linked to one indicator (or to none), across members. */
    private static final class Shared {
        final String kind;
        final Integer indicator;
        /** The indicator's Finnish title as a frozen report names it, when no indicator of that title is known. */
        String indicatorTitle;

        final Set<OrganisationId> members = new LinkedHashSet<>();
        final Set<String> memberNames = new LinkedHashSet<>();
        final Set<String> themes = new LinkedHashSet<>();
        int mentions;

        Shared(String kind, Integer indicator) {
            this.kind = kind;
            this.indicator = indicator;
        }
    }

    BlockContent joysAndWorries(Context c, Block b) {
        String heading = msg(c, "report.block.MEMBERS_JOYS_WORRIES");
        Facts facts = new Facts("MEMBERS_JOYS_WORRIES");
        Optional<List<Member>> found = members(c);
        if (found.isEmpty()) {
            return empty(c, b, heading, msg(c, "report.regional.onlyCounty"), facts.digest());
        }
        // As in a member's own report: residents are heard while the report is prepared, so the
        // years from the report's first up to the year it is composed in count.
        int until = Math.max(c.report.lastYear(), c.today.getYear());
        Map<String, Shared> groups = new LinkedHashMap<>();
        for (Member m : found.get()) {
            for (int year = c.report.firstYear(); year <= until; year++) {
                for (ParticipationCatalog.JoyWorryTheme t : participation.joysAndWorries(m.id(), year)) {
                    List<Integer> linked =
                            t.indicatorIds().isEmpty() ? java.util.Collections.singletonList(null) : t.indicatorIds();
                    for (Integer indicator : new LinkedHashSet<>(linked)) {
                        Shared s = groups.computeIfAbsent(
                                t.kind() + "|" + indicator, k -> new Shared(t.kind(), indicator));
                        s.members.add(m.id());
                        s.memberNames.add(m.name());
                        s.themes.add(t.title().in(c.locale));
                        s.mentions += t.items();
                    }
                    facts.add(m.id().value(), year, t.kind(), t.title().fi(), t.items(), t.indicatorIds());
                }
            }
        }
        List<IndicatorCatalog.IndicatorInfo> linked = indicators.findAll(
                c.organisation,
                groups.values().stream()
                        .map(s -> s.indicator)
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet()));
        Map<Integer, String> titles = new java.util.HashMap<>();
        Map<String, Integer> byFinnishTitle = new java.util.HashMap<>();
        for (IndicatorCatalog.IndicatorInfo i : linked) {
            titles.put(i.id(), i.title().in(c.locale));
            byFinnishTitle.putIfAbsent(i.title().fi(), i.id());
        }
        int fromReports = 0;
        List<String> notes = new ArrayList<>();
        for (Member m : found.get()) {
            Optional<MemberSnapshot> latest = latestApproved(c.organisation, m.id());
            if (latest.isEmpty()) {
                continue;
            }
            MemberSnapshot snapshot = latest.get();
            Frozen f = frozen.of(
                    snapshot.id(), () -> reports.snapshot(m.id(), snapshot.id()).orElseThrow());
            List<FrozenJoy> joys = frozenJoys(f);
            if (joys.isEmpty()) {
                continue;
            }
            String fromReport = msg(
                    c, "report.regional.fromReport", m.name(), snapshot.title(), c.formats.date(snapshot.decidedOn()));
            notes.add(fromReport);
            for (ReportContent.DataValue v : f.data() == null
                    ? List.<ReportContent.DataValue>of()
                    : f.data().values()) {
                byFinnishTitle.putIfAbsent(v.indicator(), v.indicatorId());
            }
            for (FrozenJoy j : joys) {
                Integer indicator = j.indicatorId() != null
                        ? j.indicatorId()
                        : j.indicatorTitle() == null ? null : byFinnishTitle.get(j.indicatorTitle());
                String key = j.kind() + "|"
                        + (indicator != null
                                ? indicator
                                : j.indicatorTitle() == null ? null : "t:" + j.indicatorTitle());
                Shared s = groups.computeIfAbsent(key, k -> new Shared(j.kind(), indicator));
                if (indicator == null && j.indicatorTitle() != null) {
                    s.indicatorTitle = j.indicatorTitle();
                }
                s.members.add(m.id());
                s.memberNames.add(m.name());
                s.themes.add(j.text() + " (" + fromReport + ")");
                s.mentions++;
                fromReports++;
                facts.add(m.id().value(), snapshot.id(), j.kind(), j.text(), j.indicatorId(), j.indicatorTitle());
            }
        }
        for (Shared s : groups.values()) {
            if (s.indicator != null && !titles.containsKey(s.indicator)) {
                indicators
                        .find(c.organisation, s.indicator)
                        .ifPresent(i -> titles.put(i.id(), i.title().in(c.locale)));
            }
        }
        if (groups.isEmpty()) {
            return empty(c, b, heading, msg(c, "report.regional.noJoys"), facts.digest());
        }
        List<Shared> ordered = groups.values().stream()
                .sorted(Comparator.comparing((Shared s) -> s.kind)
                        .thenComparing((Shared s) -> -s.members.size())
                        .thenComparing((Shared s) -> -s.mentions)
                        .thenComparing((Shared s) -> s.indicator == null ? Integer.MAX_VALUE : s.indicator))
                .toList();
        List<List<String>> rows = new ArrayList<>();
        int total = found.get().size();
        for (Shared s : ordered) {
            String about = s.indicator == null
                    ? (s.indicatorTitle != null ? s.indicatorTitle : msg(c, "report.regional.noIndicator"))
                    : titles.getOrDefault(
                            s.indicator, msg(c, "report.regional.indicatorNumber", String.valueOf(s.indicator)));
            rows.add(List.of(
                    about,
                    msg(c, "report.joy." + s.kind),
                    msg(c, "report.regional.ofMembers", String.valueOf(s.members.size()), String.valueOf(total)),
                    String.valueOf(s.mentions),
                    String.join(", ", s.memberNames),
                    String.join("; ", s.themes)));
        }
        long sharedByMany = ordered.stream().filter(s -> s.members.size() > 1).count();
        return new BlockContent(
                b.id(),
                b.kind().name(),
                heading,
                msg(c, "report.regional.joysLead", String.valueOf(sharedByMany)),
                List.of(),
                null,
                new TableContent(
                        heading,
                        List.of(
                                msg(c, "report.regional.about"),
                                msg(c, "report.regional.kind"),
                                msg(c, "report.regional.raisedBy"),
                                msg(c, "report.regional.mentions"),
                                msg(c, "report.regional.members"),
                                msg(c, "report.regional.themes")),
                        List.of(false, false, true, true, false, false),
                        rows),
                null,
                fromReports == 0
                        ? List.of()
                        : concat(msg(c, "report.regional.reportsLead", String.valueOf(fromReports)), notes),
                msg(c, fromReports == 0 ? "report.source.residentsThemes" : "report.source.residentsAndReports"),
                facts.digest());
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** A member's approved version the county may read: the report's title, the decision's date. */
    private record MemberSnapshot(java.util.UUID id, String title, java.time.LocalDate decidedOn) {}

    /**
     * The member's latest approved version that it sent to this county or published — frozen, so
     * never a draft, and never a version the member kept to itself.
     */
    private Optional<MemberSnapshot> latestApproved(OrganisationId county, OrganisationId member) {
        return jdbc.sql("select s.id, r.title_fi, s.decided_on from report_snapshot s join report r"
                        + " on r.id = s.report_id and r.organisation_id = s.organisation_id"
                        + " where s.organisation_id = ? and (s.published_at is not null or exists (select 1"
                        + " from report_sent rs where rs.snapshot_id = s.id and rs.to_organisation = ?))"
                        + " order by s.decided_on desc, s.approved_at desc limit 1")
                .params(member.value(), county.value())
                .query((rs, i) -> new MemberSnapshot(
                        rs.getObject(1, java.util.UUID.class),
                        rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class)))
                .optional();
    }

    /**
     * A joy or worry a member's sector or partner recorded, as its approved report keeps it: linked
     * to an indicator by its id, or (in a snapshot frozen before session 7) by the Finnish title its
     * text names; null for neither.
     */
    record FrozenJoy(String kind, String text, String source, Integer indicatorId, String indicatorTitle) {}

    /**
     * The joys and worries a frozen report keeps in its data (kind, text, source and indicator id), or
     * for a snapshot frozen before they were kept there, as {@link #joysFromText} reads them.
     */
    List<FrozenJoy> frozenJoys(Frozen f) {
        if (f.data() != null && f.data().joys() != null) {
            return f.data().joys().stream()
                    .map(j -> new FrozenJoy(j.kind(), j.text(), j.source(), j.indicatorId(), null))
                    .toList();
        }
        return joysFromText(f);
    }

    /**
     * The joys and worries in a frozen report's joys-and-worries blocks, read from its Finnish content:
     * each item's label is the kind's word and the source ("Ilonaihe · Nuorisopalvelut"), its mark the
     * data's verdict naming the indicator. Residents' themes (counted from the participation side
     * already) are left out, and so is an item whose kind this version of Hyte cannot tell.
     */
    List<FrozenJoy> joysFromText(Frozen f) {
        Locale fi = Locale.forLanguageTag("fi");
        ReportContent content = f.in("fi");
        String joy = messages.getMessage("report.joy.JOY", null, fi) + " · ";
        String worry = messages.getMessage("report.joy.WORRY", null, fi) + " · ";
        List<java.util.regex.Pattern> residents = List.of(
                pattern(messages.getMessage("report.joy.residents", null, fi)),
                pattern(messages.getMessage("report.joy.residentsWorkshops", null, fi)));
        List<java.text.MessageFormat> verdicts = java.util.stream.Stream.of("SUPPORTS", "CONTRADICTS", "NO_DATA")
                .map(k -> new java.text.MessageFormat(messages.getMessage("report.support." + k, null, fi), fi))
                .toList();
        List<FrozenJoy> out = new ArrayList<>();
        if (content == null) {
            return out;
        }
        for (ReportContent.SectionContent section : content.sections()) {
            for (BlockContent block : section.blocks()) {
                if (!BlockKind.JOYS_WORRIES.name().equals(block.kind()) || block.items() == null) {
                    continue;
                }
                for (Item item : block.items()) {
                    String label = item.label() == null ? "" : item.label();
                    String kind = label.startsWith(joy) ? "JOY" : label.startsWith(worry) ? "WORRY" : null;
                    if (kind == null || item.text() == null || item.text().isBlank()) {
                        continue;
                    }
                    String source = label.substring(("JOY".equals(kind) ? joy : worry).length());
                    if (residents.stream().anyMatch(r -> r.matcher(source).matches())) {
                        continue;
                    }
                    out.add(new FrozenJoy(kind, item.text(), source, null, indicatorOf(item.mark(), verdicts)));
                }
            }
        }
        return out;
    }

    private static String indicatorOf(String mark, List<java.text.MessageFormat> verdicts) {
        if (mark == null) {
            return null;
        }
        for (java.text.MessageFormat verdict : verdicts) {
            try {
                Object[] args = verdict.parse(mark);
                if (args.length > 0
                        && args[0] != null
                        && !args[0].toString().isBlank()
                        && verdict.format(args).equals(mark)) {
                    return args[0].toString().strip();
                }
            } catch (java.text.ParseException notThisOne) {
                // the next verdict
            }
        }
        return null;
    }

    /** A message pattern as a regular expression: its arguments match anything. */
    private static java.util.regex.Pattern pattern(String message) {
        StringBuilder regex = new StringBuilder();
        for (String part : message.split("\\{[0-9]+\\}", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(java.util.regex.Pattern.quote(part));
        }
        return java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.DOTALL);
    }

    private BlockContent empty(Context c, Block b, String heading, String why, String fingerprint) {
        return new BlockContent(
                b.id(), b.kind().name(), heading, null, List.of(), null, null, why, List.of(), null, fingerprint);
    }

    private String msg(Context c, String key, Object... args) {
        return messages.getMessage(key, args, key, c.locale);
    }
}
