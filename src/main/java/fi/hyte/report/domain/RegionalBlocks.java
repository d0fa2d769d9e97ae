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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The blocks of a county's regional report that gather what its member municipalities share: their
 * maturity levels (each member's latest concluded Promeq round — never an open one) and the joys and
 * worries their residents raised (the published themes on each member's participation side), grouped
 * by the indicator they are linked to. A county never reads a member's drafts: only a closed round's
 * agreed levels and published items reach it.
 */
@Component
class RegionalBlocks {

    private final OrganisationCatalog organisations;
    private final MaturityCatalog maturity;
    private final ParticipationCatalog participation;
    private final IndicatorCatalog indicators;
    private final MessageSource messages;

    RegionalBlocks(
            OrganisationCatalog organisations,
            MaturityCatalog maturity,
            ParticipationCatalog participation,
            IndicatorCatalog indicators,
            MessageSource messages) {
        this.organisations = organisations;
        this.maturity = maturity;
        this.participation = participation;
        this.indicators = indicators;
        this.messages = messages;
    }

    /** A member municipality of the county, by name in the reader's language. */
    private record Member(OrganisationId id, String name) {}

    private Optional<List<Member>> members(Context c) {
        boolean county = organisations
                .summary(c.organisation)
                .map(o -> "WELLBEING_COUNTY".equals(o.regionKind()))
                .orElse(false);
        if (!county) {
            return Optional.empty();
        }
        String code = organisations.countyOf(c.organisation).orElse(null);
        if (code == null) {
            return Optional.of(List.of());
        }
        return Optional.of(organisations.inCounty(code).stream()
                .filter(o -> !o.id().equals(c.organisation))
                .map(o -> new Member(o.id(), o.name().in(c.locale)))
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
        if (groups.isEmpty()) {
            return empty(c, b, heading, msg(c, "report.regional.noJoys"), facts.digest());
        }
        Map<Integer, String> titles = indicators
                .findAll(
                        c.organisation,
                        groups.values().stream()
                                .map(s -> s.indicator)
                                .filter(java.util.Objects::nonNull)
                                .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(
                        IndicatorCatalog.IndicatorInfo::id, i -> i.title().in(c.locale)));
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
                    ? msg(c, "report.regional.noIndicator")
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
                List.of(),
                msg(c, "report.source.residentsThemes"),
                facts.digest());
    }

    private BlockContent empty(Context c, Block b, String heading, String why, String fingerprint) {
        return new BlockContent(
                b.id(), b.kind().name(), heading, null, List.of(), null, null, why, List.of(), null, fingerprint);
    }

    private String msg(Context c, String key, Object... args) {
        return messages.getMessage(key, args, key, c.locale);
    }
}
