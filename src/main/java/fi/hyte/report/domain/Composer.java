package fi.hyte.report.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fi.hyte.impact.ImpactCatalog;
import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.IndicatorCatalog.GapInfo;
import fi.hyte.indicator.IndicatorCatalog.Series;
import fi.hyte.indicator.IndicatorCatalog.SetItem;
import fi.hyte.maturity.MaturityCatalog;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.participation.ParticipationCatalog;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.plan.PlanCatalog.GoalStanding;
import fi.hyte.plan.PlanCatalog.PlanStanding;
import fi.hyte.plan.PlanCatalog.TargetStanding;
import fi.hyte.platform.DataRevisions;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.format.Formats;
import fi.hyte.report.domain.ReportContent.BlockContent;
import fi.hyte.report.domain.ReportContent.Data;
import fi.hyte.report.domain.ReportContent.DataValue;
import fi.hyte.report.domain.ReportContent.FigureContent;
import fi.hyte.report.domain.ReportContent.GoalState;
import fi.hyte.report.domain.ReportContent.Item;
import fi.hyte.report.domain.ReportContent.Level;
import fi.hyte.report.domain.ReportContent.MeasureState;
import fi.hyte.report.domain.ReportContent.SectionContent;
import fi.hyte.report.domain.ReportContent.TableContent;
import fi.hyte.report.domain.ReportContent.Text;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a report out from live data: each section's text in the reader's language and each block
 * from the indicator, plan and maturity modules' own read APIs, so the report shows what their
 * pages show. The same pass collects the language-free numbers behind it (values with provenance,
 * goal and measure statuses, maturity levels) that a snapshot keeps and "what changed" compares.
 *
 * <p>A draft's pages are composed again and again from data that seldom changes, so what is
 * composed is kept by the data revisions it was read under ({@link DataRevisions}: the
 * organisation's, the shared data's, and a county's members'), read before the data. A change
 * anywhere in what a report is composed from raises one of them in the same transaction, so a kept
 * composition is shown only while it is still what composing now would give. Inside a transaction
 * that writes, nothing is kept or reused: it may see its own changes before they are committed.
 */
@Service
@Transactional(readOnly = true)
public class Composer {

    static final Locale FINNISH = Locale.forLanguageTag("fi");

    /** The frozen values' source (in Finnish, as their other texts) for an organisation's own indicator. */
    static final String OWN_DATA = "Organisaation oma tieto";

    static final String SOTKANET = "THL, Sotkanet.fi";
    static final String SOTKANET_LICENCE = "CC BY 4.0";

    private final Reports reports;
    private final IndicatorCatalog indicators;
    private final PlanCatalog plans;
    private final MaturityCatalog maturity;
    private final OrganisationCatalog organisations;
    private final Outlines outlines;
    private final MessageSource messages;
    private final FrozenCache frozen;
    private final ImpactCatalog impact;
    private final ParticipationCatalog participation;
    private final ZoneId zone;
    private final SectionImages images;
    private final RegionalBlocks regional;
    private final DataRevisions revisions;

    /** Whole compositions (the preview, the report's page), by revisions, report, language and day. */
    private final Cache<Kept, Composed> compositions;

    /** A section's blocks (its page), by revisions, report, the blocks themselves, language and day. */
    private final Cache<Kept, List<BlockContent>> sectionBlocks;

    /** A county's members, by the county and the shared revision (the organisations are shared data). */
    private final Cache<Kept, List<OrganisationId>> members =
            Caffeine.newBuilder().maximumSize(1_000).build();

    private record Kept(DataRevisions.Revisions revisions, Object... of) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Kept k && revisions.equals(k.revisions) && java.util.Arrays.equals(of, k.of);
        }

        @Override
        public int hashCode() {
            return 31 * revisions.hashCode() + java.util.Arrays.hashCode(of);
        }
    }

    Composer(
            Reports reports,
            IndicatorCatalog indicators,
            PlanCatalog plans,
            MaturityCatalog maturity,
            OrganisationCatalog organisations,
            Outlines outlines,
            MessageSource messages,
            FrozenCache frozen,
            ImpactCatalog impact,
            ParticipationCatalog participation,
            @Value("${hyte.time-zone}") String zone,
            SectionImages images,
            RegionalBlocks regional,
            DataRevisions revisions,
            @Value("${hyte.report.kept-compositions:24}") int keptCompositions) {
        this.revisions = revisions;
        this.compositions = Caffeine.newBuilder()
                .maximumSize(keptCompositions)
                .expireAfterAccess(java.time.Duration.ofMinutes(30))
                .build();
        this.sectionBlocks = Caffeine.newBuilder()
                .maximumSize(keptCompositions * 20L)
                .expireAfterAccess(java.time.Duration.ofMinutes(30))
                .build();
        this.images = images;
        this.regional = regional;
        this.impact = impact;
        this.participation = participation;
        this.reports = reports;
        this.indicators = indicators;
        this.plans = plans;
        this.maturity = maturity;
        this.organisations = organisations;
        this.outlines = outlines;
        this.messages = messages;
        this.frozen = frozen;
        this.zone = ZoneId.of(zone);
    }

    /** A report composed in one language, with the numbers behind it. */
    public record Composed(ReportContent content, Data data) {}

    public Composed compose(OrganisationId organisation, Report report, Locale locale, LocalDate today) {
        if (!keeping()) {
            return composeAll(organisation, report, List.of(locale), today).get(0);
        }
        return compositions.get(
                new Kept(revisionsOf(organisation), organisation, report, locale, today),
                k -> composeAll(organisation, report, List.of(locale), today).get(0));
    }

    /**
     * Whether what is composed may be kept and what is kept reused: in a transaction that only
     * reads (a page's), not in one that writes and may see its own changes before they are committed.
     */
    private static boolean keeping() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    /** The revisions a composition of the organisation's reports is read under, before any of its data. */
    private DataRevisions.Revisions revisionsOf(OrganisationId organisation) {
        DataRevisions.Revisions own = revisions.of(organisation);
        List<OrganisationId> county =
                members.get(new Kept(own.sharedOnly(), organisation), k -> regional.memberIds(organisation));
        return county.isEmpty() ? own : revisions.of(concat(organisation, county));
    }

    /**
     * The report composed in each of these languages, in their order. What does not depend on the
     * language (the report's blocks and sections, the previous report, the indicators' values, the
     * plan's standing, the maturity round) is read once for all of them, in this one call: nothing
     * is kept past it, so every composition shows the data as it is now.
     */
    public List<Composed> composeAll(
            OrganisationId organisation, Report report, List<Locale> locales, LocalDate today) {
        Optional<Frozen> previous = previous(organisation, report);
        Reads reads = new Reads(locales);
        List<Block> blocks = reports.blocks(organisation, report.id());
        List<Section> sectionList = reports.sections(organisation, report.id());
        List<Composed> all = new ArrayList<>();
        for (Locale locale : locales) {
            all.add(compose(organisation, report, locale, today, previous, reads, blocks, sectionList));
        }
        return all;
    }

    private Composed compose(
            OrganisationId organisation,
            Report report,
            Locale locale,
            LocalDate today,
            Optional<Frozen> previous,
            Reads reads,
            List<Block> blocks,
            List<Section> sectionList) {
        Context c = new Context(organisation, report, locale, today, previous, new Formats(locale, zone), reads);
        c.keepsData = true;
        List<SectionContent> sections = new ArrayList<>();
        Map<UUID, List<ReportContent.ImageContent>> pictures = images.shown(organisation, report.id(), locale);
        for (Section section : sectionList) {
            List<BlockContent> shown = blocks.stream()
                    .filter(b -> b.sectionId().equals(section.id()))
                    .map(b -> block(c, b))
                    .toList();
            sections.add(new SectionContent(
                    section.id(),
                    text(section.title(), locale),
                    text(section.body(), locale),
                    shown,
                    pictures.getOrDefault(section.id(), List.of())));
        }
        List<Item> omitted = omissions(c);
        if (!omitted.isEmpty()) {
            BlockContent appendix = new BlockContent(
                    null,
                    "OMISSIONS",
                    null,
                    msg(c, "report.omissions.lead"),
                    omitted,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null);
            sections.add(new SectionContent(
                    null, new Text(msg(c, "report.omissions.title"), null), new Text(null, null), List.of(appendix)));
        }
        String org =
                organisations.find(organisation).map(o -> o.name().in(locale)).orElse("");
        ReportContent content = new ReportContent(
                locale.getLanguage(),
                report.title().in(locale),
                languageOf(report.title(), locale),
                msg(c, "report.kind." + report.kind().name()) + " " + report.period(),
                org,
                today.toString(),
                report.example(),
                text(report.summary(), locale),
                sections);
        return new Composed(content, c.data());
    }

    /**
     * One section as the report shows it (its heading, text, pictures and blocks), for the section
     * page's view of it: its blocks come from {@link #blocks}, so they are kept the same way.
     */
    public SectionContent section(
            OrganisationId organisation, Report report, Section section, Locale locale, LocalDate today) {
        List<Block> own = reports.blocks(organisation, report.id()).stream()
                .filter(b -> b.sectionId().equals(section.id()))
                .toList();
        return new SectionContent(
                section.id(),
                text(section.title(), locale),
                text(section.body(), locale),
                blocks(organisation, report, own, locale, today),
                images.shown(organisation, report.id(), locale).getOrDefault(section.id(), List.of()));
    }

    /** A block composed on its own, for the section page's live preview. */
    public BlockContent block(OrganisationId organisation, Report report, Block block, Locale locale, LocalDate today) {
        return blocks(organisation, report, List.of(block), locale, today).get(0);
    }

    /**
     * Blocks composed together, as a section page shows them: one context, so the previous report
     * is looked up once and the plan's standing is computed once for all of them. A block's
     * fingerprint is the same in every language, so the page takes it from these.
     */
    public List<BlockContent> blocks(
            OrganisationId organisation, Report report, List<Block> blocks, Locale locale, LocalDate today) {
        if (blocks.isEmpty()) {
            return List.of();
        }
        if (!keeping()) {
            return composeBlocks(organisation, report, blocks, locale, today);
        }
        return sectionBlocks.get(
                new Kept(revisionsOf(organisation), organisation, report, List.copyOf(blocks), locale, today),
                k -> composeBlocks(organisation, report, blocks, locale, today));
    }

    private List<BlockContent> composeBlocks(
            OrganisationId organisation, Report report, List<Block> blocks, Locale locale, LocalDate today) {
        Context c = new Context(
                organisation,
                report,
                locale,
                today,
                previous(organisation, report),
                new Formats(locale, zone),
                new Reads(List.of(locale)));
        return blocks.stream().map(b -> block(c, b)).toList();
    }

    private static List<OrganisationId> concat(OrganisationId first, List<OrganisationId> more) {
        List<OrganisationId> all = new ArrayList<>(more);
        all.add(0, first);
        return all;
    }

    private Optional<Frozen> previous(OrganisationId organisation, Report report) {
        return reports.previousApprovedId(organisation, report.id(), report.lastYear())
                .map(id ->
                        frozen.of(id, () -> reports.snapshot(organisation, id).orElseThrow()));
    }

    private BlockContent block(Context c, Block b) {
        return switch (b.kind()) {
            case INDICATOR -> indicator(c, b);
            case SET_OVERVIEW -> setOverview(c, b);
            case INEQUALITY -> inequality(c, b);
            case PLAN_PROGRESS -> planProgress(c, b);
            case GOAL_PROGRESS -> goalProgress(c, b);
            case EVALUATIONS -> evaluations(c, b);
            case MATURITY -> maturity(c, b);
            case JOYS_WORRIES -> joysAndWorries(c, b);
            case MINIMUM_DATA -> minimumData(c, b);
            case WHAT_CHANGED -> whatChanged(c, b);
            case MEMBER_REPORTS -> memberReports(c, b);
            case MEMBERS_INDICATOR -> members(c, b);
            case IMPACT_SHARE -> impactShare(c, b);
            case MEMBERS_MATURITY -> regional.maturity(c, b);
            case MEMBERS_JOYS_WORRIES -> regional.joysAndWorries(c, b);
        };
    }

    // Indicators

    private BlockContent indicator(Context c, Block b) {
        Optional<IndicatorCatalog.Figures> figures = b.indicatorId() == null
                ? Optional.empty()
                : c.reads.get(
                        List.of("figures", b.indicatorId(), String.valueOf(b.gender())),
                        () -> indicators.figures(
                                c.organisation, b.indicatorId(), Optional.ofNullable(b.gender()), c.reads.locales));
        Optional<IndicatorCatalog.Figure> found =
                figures.map(all -> all.byLanguage().get(c.locale.getLanguage()));
        if (found.isEmpty()) {
            return empty(c, b, null, msg(c, "report.block.indicatorGone", b.indicatorId()), "gone");
        }
        IndicatorCatalog.Figure f = found.get();
        String title = f.indicator().title().in(c.locale);
        Facts facts = new Facts("INDICATOR", b.indicatorId(), f.gender());
        if (f.chart() == null || f.years().isEmpty()) {
            return empty(c, b, title, msg(c, "report.block.noData"), facts.digest());
        }
        List<String> columns = new ArrayList<>();
        columns.add(msg(c, "report.table.region"));
        f.years().forEach(y -> columns.add(String.valueOf(y)));
        List<Boolean> numeric = new ArrayList<>();
        numeric.add(false);
        f.years().forEach(y -> numeric.add(true));
        List<List<String>> rows = new ArrayList<>();
        for (IndicatorCatalog.TableRow row : f.table()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.region().in(c.locale));
            cells.addAll(row.cells());
            rows.add(cells);
        }
        String source = withBatch(
                c, source(c, f.source(), f.indicator().local(), f.licence(), f.retrievedAt()), b.indicatorId());
        List<String> notes = new ArrayList<>();
        if (!f.leftOut().isEmpty()) {
            notes.add(msg(c, "report.block.leftOut", String.join(", ", f.leftOut())));
        }
        // The same reading of the values as the figure's (its gender resolved the same way).
        Optional<Series> series = figures.map(IndicatorCatalog.Figures::series);
        series.ifPresent(s -> {
            values(c, s, f.source(), f.licence(), f.retrievedAt(), facts);
            if (b.showPrevious()) {
                notes.addAll(previousValue(c, s));
            }
        });
        String unit = f.indicator().unit() == null ? null : f.indicator().unit().in(c.locale);
        return new BlockContent(
                b.id(),
                b.kind().name(),
                title,
                unit == null || unit.isBlank() ? null : msg(c, "report.block.unit", unit),
                List.of(),
                new FigureContent(f.chart(), f.description(), title),
                new TableContent(msg(c, "report.block.tableOf", title), columns, numeric, rows),
                null,
                notes,
                source,
                facts.digest());
    }

    /** The previous approved report's latest own value of this indicator, and THL's revision of it since. */
    private List<String> previousValue(Context c, Series s) {
        List<String> notes = new ArrayList<>();
        c.previous.ifPresent(p -> p.data().values().stream()
                .filter(v -> v.indicatorId() == s.indicator().id()
                        && "own".equals(v.role())
                        && v.gender().equals(s.gender()))
                .max(java.util.Comparator.comparingInt(DataValue::year))
                .ifPresent(v -> {
                    notes.add(msg(c, "report.block.previous", c.formats.value(v.value()), String.valueOf(v.year())));
                    BigDecimal now = ownValue(s, v.year());
                    if (now != null && now.compareTo(v.value()) != 0) {
                        notes.add(msg(
                                c,
                                "report.block.revised",
                                String.valueOf(v.year()),
                                c.formats.value(v.value()),
                                c.formats.value(now)));
                    }
                }));
        return notes;
    }

    private static BigDecimal ownValue(Series s, int year) {
        return s.regions().stream()
                .filter(r -> "own".equals(r.role()))
                .findFirst()
                .map(r -> r.byYear().get(year))
                .orElse(null);
    }

    private void values(
            Context c,
            Series s,
            LocalizedText source,
            String licence,
            java.time.OffsetDateTime retrieved,
            Facts facts) {
        boolean local = s.indicator().local();
        String sourceName =
                source != null && source.in(FINNISH) != null ? source.in(FINNISH) : local ? OWN_DATA : SOTKANET;
        // Sotkanet's data is published under CC BY 4.0 whether or not the batch recorded it.
        String licenceName = licence != null || local ? licence : SOTKANET_LICENCE;
        String when = retrieved == null ? null : retrieved.toString();
        Long batch = importBatch(c, s.indicator().id());
        for (IndicatorCatalog.RegionValues region : s.regions()) {
            region.byYear().forEach((year, value) -> {
                if (value != null) {
                    facts.add(region.regionId(), year, value);
                    c.value(new DataValue(
                            s.indicator().id(),
                            s.indicator().code(),
                            s.indicator().title().in(FINNISH),
                            region.title().in(FINNISH),
                            region.role(),
                            year,
                            s.gender(),
                            value,
                            sourceName,
                            licenceName,
                            when,
                            batch));
                }
            });
        }
    }

    private BlockContent setOverview(Context c, Block b) {
        IndicatorCatalog.SetOverview overview = setOverview(c);
        Facts facts = new Facts("SET_OVERVIEW");
        if (overview.items().isEmpty()) {
            return empty(c, b, msg(c, "report.block.SET_OVERVIEW"), msg(c, "report.block.noSet"), facts.digest());
        }
        List<List<String>> rows = new ArrayList<>();
        for (SetItem item : overview.items()) {
            Series s = item.series();
            values(c, s, null, null, null, facts);
            IndicatorCatalog.LatestValue own = s.own();
            rows.add(List.of(
                    s.indicator().title().in(c.locale),
                    msg(c, "indicator.ageGroup." + item.ageGroup()),
                    own == null ? msg(c, "report.table.none") : c.formats.value(own.value()) + " (" + own.year() + ")",
                    own == null || own.change() == null
                            ? "–"
                            : c.formats.change(own.change()) + " (" + own.previousYear() + "–" + own.year() + ")",
                    judgement(c, s.againstCounty()),
                    judgement(c, s.againstCountry())));
        }
        return new BlockContent(
                b.id(),
                b.kind().name(),
                msg(c, "report.block.SET_OVERVIEW"),
                null,
                List.of(),
                null,
                new TableContent(
                        msg(c, "report.block.SET_OVERVIEW"),
                        List.of(
                                msg(c, "report.table.indicator"),
                                msg(c, "report.table.ageGroup"),
                                msg(c, "report.table.latest"),
                                msg(c, "report.table.change"),
                                msg(c, "report.table.vsCounty"),
                                msg(c, "report.table.vsCountry")),
                        List.of(false, false, true, true, false, false),
                        rows),
                null,
                List.of(),
                msg(c, "report.source.sotkanet"),
                facts.digest());
    }

    private String judgement(Context c, Integer j) {
        if (j == null) {
            return "–";
        }
        return msg(
                c,
                "report.judgement."
                        + switch (j) {
                            case 1 -> "better";
                            case -1 -> "worse";
                            case 0 -> "same";
                            case 2 -> "higher";
                            default -> "lower";
                        });
    }

    private BlockContent inequality(Context c, Block b) {
        IndicatorCatalog.SetOverview overview = setOverview(c);
        Map<Integer, String> titles = overview.items().stream()
                .collect(Collectors.toMap(
                        i -> i.series().indicator().id(),
                        i -> i.series().indicator().title().in(c.locale),
                        (a, x) -> a));
        Facts facts = new Facts("INEQUALITY");
        List<List<String>> rows = new ArrayList<>();
        for (GapInfo g : overview.lens()) {
            facts.add(g.indicatorId(), g.year(), g.difference());
            rows.add(List.of(
                    titles.getOrDefault(g.indicatorId(), String.valueOf(g.indicatorId())),
                    msg(
                            c,
                            "report.gap." + g.kind(),
                            g.other() == null ? "" : g.other().in(c.locale)),
                    String.valueOf(g.year()),
                    c.formats.value(g.difference()),
                    g.relative() == null ? "–" : c.formats.percent(g.relative())));
        }
        if (rows.isEmpty()) {
            // A finding, not missing data: the set was compared and no gap was large.
            return finding(c, b, msg(c, "report.block.INEQUALITY"), msg(c, "report.block.noGaps"), facts.digest());
        }
        return new BlockContent(
                b.id(),
                b.kind().name(),
                msg(c, "report.block.INEQUALITY"),
                msg(c, "report.block.inequality.lead"),
                List.of(),
                null,
                new TableContent(
                        msg(c, "report.block.INEQUALITY"),
                        List.of(
                                msg(c, "report.table.indicator"),
                                msg(c, "report.table.gap"),
                                msg(c, "report.table.year"),
                                msg(c, "report.table.difference"),
                                msg(c, "report.table.relative")),
                        List.of(false, false, true, true, true),
                        rows),
                null,
                List.of(),
                msg(c, "report.source.sotkanet"),
                facts.digest());
    }

    // The plan

    private Optional<UUID> planOf(Context c) {
        if (c.report.planId() != null) {
            return Optional.of(c.report.planId());
        }
        return plans.planFor(c.organisation, c.report.lastYear()).map(PlanCatalog.PlanInfo::id);
    }

    private Optional<PlanStanding> standing(Context c) {
        if (c.standing == null) {
            c.standing = planOf(c)
                    .flatMap(
                            p -> c.reads.get(List.of("progress", p), () -> plans.progress(c.organisation, p, c.today)));
            c.standing.ifPresent(s -> planStates(c, s));
        }
        return c.standing;
    }

    private void planStates(Context c, PlanStanding s) {
        if (!c.keepsData) {
            // A block composed for a page keeps no data: the measures' states are read for a composed report only.
            return;
        }
        s.goals().forEach(g -> c.goal(new GoalState(g.id(), g.ref(), g.title().in(FINNISH), g.status())));
        plans.content(c.organisation, s.plan().id())
                .ifPresent(content -> content.lines()
                        .forEach(line -> line.goals()
                                .forEach(goal -> goal.measures()
                                        .forEach(m -> c.measure(new MeasureState(
                                                m.ref(),
                                                m.title().in(FINNISH),
                                                goal.ref(),
                                                m.status(),
                                                m.progress()))))));
    }

    private BlockContent planProgress(Context c, Block b) {
        Optional<PlanStanding> found = standing(c);
        Facts facts = new Facts("PLAN_PROGRESS");
        if (found.isEmpty()) {
            return empty(c, b, msg(c, "report.block.PLAN_PROGRESS"), msg(c, "report.block.noPlan"), facts.digest());
        }
        PlanStanding s = found.get();
        List<List<String>> rows = new ArrayList<>();
        for (GoalStanding g : s.goals()) {
            facts.add(g.ref(), g.status(), g.done(), g.measures(), g.late());
            rows.add(List.of(
                    g.ref() + " " + g.title().in(c.locale),
                    msg(c, "plan.target." + g.status()),
                    c.formats.integer(g.done()) + " / " + c.formats.integer(g.measures()),
                    c.formats.integer(g.late())));
        }
        String heading = msg(
                c,
                "report.block.planOf",
                s.plan().title().in(c.locale),
                s.plan().firstYear() + "–" + s.plan().lastYear());
        return new BlockContent(
                b.id(),
                b.kind().name(),
                heading,
                msg(
                        c,
                        "report.block.plan.lead",
                        s.percentDone(),
                        s.lateMeasures(),
                        c.formats.euros(s.euros()),
                        c.formats.workYears(s.workYears())),
                List.of(),
                null,
                new TableContent(
                        heading,
                        List.of(
                                msg(c, "report.table.goal"),
                                msg(c, "report.table.status"),
                                msg(c, "report.table.measuresDone"),
                                msg(c, "report.table.late")),
                        List.of(false, false, true, true),
                        rows),
                null,
                s.plan().example() ? List.of(msg(c, "report.block.examplePlan")) : List.of(),
                msg(c, "report.source.plan", c.formats.date(s.today())),
                facts.digest());
    }

    private BlockContent goalProgress(Context c, Block b) {
        Optional<GoalStanding> goal =
                standing(c).flatMap(s -> b.goalId() == null ? Optional.empty() : s.goal(b.goalId()));
        if (goal.isEmpty()) {
            return empty(c, b, null, msg(c, "report.block.goalGone"), "gone");
        }
        GoalStanding g = goal.get();
        Facts facts = new Facts("GOAL_PROGRESS", g.ref(), g.status());
        Map<Integer, String> titles =
                indicators
                        .findAll(
                                c.organisation,
                                g.targets().stream()
                                        .map(t -> t.target().indicatorId())
                                        .toList())
                        .stream()
                        .collect(Collectors.toMap(
                                IndicatorCatalog.IndicatorInfo::id,
                                i -> i.title().in(c.locale)));
        List<List<String>> rows = new ArrayList<>();
        for (TargetStanding t : g.targets()) {
            facts.add(t.target().indicatorId(), t.latestYear(), t.latestValue(), t.status());
            rows.add(List.of(
                    titles.getOrDefault(
                            t.target().indicatorId(), String.valueOf(t.target().indicatorId())),
                    yearValue(c, t.target().baselineValue(), t.target().baselineYear()),
                    yearValue(c, t.target().targetValue(), t.target().targetYear()),
                    yearValue(c, t.latestValue(), t.latestYear()),
                    msg(c, "plan.target." + t.status())));
        }
        String heading = g.ref() + " " + g.title().in(c.locale);
        return new BlockContent(
                b.id(),
                b.kind().name(),
                heading,
                msg(c, "report.block.goal.lead", msg(c, "plan.target." + g.status()), g.done(), g.measures(), g.late()),
                List.of(),
                null,
                rows.isEmpty()
                        ? null
                        : new TableContent(
                                msg(c, "report.block.targetsOf", g.ref()),
                                List.of(
                                        msg(c, "report.table.indicator"),
                                        msg(c, "report.table.baseline"),
                                        msg(c, "report.table.target"),
                                        msg(c, "report.table.latest"),
                                        msg(c, "report.table.status")),
                                List.of(false, true, true, true, false),
                                rows),
                null,
                List.of(),
                msg(c, "report.source.plan", c.formats.date(c.today)),
                facts.digest());
    }

    private String yearValue(Context c, BigDecimal value, Integer year) {
        if (value == null) {
            return "–";
        }
        return c.formats.value(value) + (year == null ? "" : " (" + year + ")");
    }

    private BlockContent evaluations(Context c, Block b) {
        int year = b.year() != null ? b.year() : c.report.lastYear();
        Optional<UUID> plan = planOf(c);
        Facts facts = new Facts("EVALUATIONS", year);
        String heading = msg(c, "report.block.evaluationsOf", String.valueOf(year));
        List<PlanCatalog.EvaluationInfo> found =
                plan.map(p -> plans.evaluations(c.organisation, p, year)).orElse(List.of());
        if (found.isEmpty()) {
            return empty(c, b, heading, msg(c, "report.block.noEvaluations", String.valueOf(year)), facts.digest());
        }
        List<Item> items = new ArrayList<>();
        for (PlanCatalog.EvaluationInfo e : found) {
            facts.add(e.ref(), e.realised(), e.assessment());
            String realised = e.realised() == null ? null : msg(c, "plan.realised." + e.realised());
            items.add(new Item(
                    e.ref() + " " + e.title().in(c.locale),
                    e.assessment() == null ? "" : e.assessment(),
                    realised,
                    e.realised() == null ? null : e.realised().toLowerCase(Locale.ROOT)));
        }
        return new BlockContent(
                b.id(),
                b.kind().name(),
                heading,
                null,
                items,
                null,
                null,
                null,
                List.of(),
                msg(c, "report.source.plan", c.formats.date(c.today)),
                facts.digest());
    }

    // Impact assessment

    /**
     * The share of key decisions assessed before they were made, for each year of the report, as the
     * impact module counts it; "no data" (never 0 %) when no year has a decided case that needed one.
     */
    private BlockContent impactShare(Context c, Block b) {
        String heading = msg(c, "report.block.IMPACT_SHARE");
        Facts facts = new Facts("IMPACT_SHARE");
        List<ImpactCatalog.Share> years = new ArrayList<>();
        for (int year = c.report.firstYear(); year <= c.report.lastYear(); year++) {
            ImpactCatalog.Share s = impact.shareAssessed(c.organisation, year);
            facts.add(year, s.required(), s.decided(), s.assessed(), s.withChildPart(), s.withGenderPart());
            years.add(s);
        }
        String source = msg(c, "report.source.impact", c.formats.date(c.today));
        if (years.stream().allMatch(s -> s.required() == 0)) {
            // No data, never 0 %: no decided case in these years needed an assessment.
            return new BlockContent(
                    b.id(),
                    b.kind().name(),
                    heading,
                    null,
                    List.of(),
                    null,
                    null,
                    msg(c, "report.impact.noDecisions", c.report.period()),
                    List.of(),
                    source,
                    facts.digest());
        }
        List<String> columns = List.of(
                msg(c, "report.table.year"),
                msg(c, "report.impact.required"),
                msg(c, "report.impact.assessed"),
                msg(c, "report.impact.share"),
                msg(c, "report.impact.child"),
                msg(c, "report.impact.gender"));
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ImpactCatalog.Share s : years) {
            rows.add(List.of(
                    String.valueOf(s.year()),
                    c.formats.value(BigDecimal.valueOf(s.required())),
                    c.formats.value(BigDecimal.valueOf(s.assessed())),
                    s.share() == null ? msg(c, "report.impact.noCases") : c.formats.percentOf(s.share()),
                    c.formats.value(BigDecimal.valueOf(s.withChildPart())),
                    c.formats.value(BigDecimal.valueOf(s.withGenderPart()))));
            for (ImpactCatalog.Skipped skipped : s.skipped()) {
                facts.add(skipped.caseId(), skipped.reason());
                notes.add(msg(c, "report.impact.skipped", s.year(), skipped.title(), skipped.reason()));
            }
        }
        return new BlockContent(
                b.id(),
                b.kind().name(),
                heading,
                msg(c, "report.impact.lead"),
                List.of(),
                null,
                new TableContent(heading, columns, List.of(false, true, true, true, true, true), rows),
                null,
                notes,
                source,
                facts.digest());
    }

    // Maturity

    private BlockContent maturity(Context c, Block b) {
        Optional<MaturityCatalog.Standing> latest = latestRound(c);
        Facts facts = new Facts("MATURITY");
        if (latest.isEmpty()) {
            return empty(c, b, msg(c, "report.block.MATURITY"), msg(c, "report.block.noRound"), facts.digest());
        }
        MaturityCatalog.Standing s = latest.get();
        Optional<MaturityCatalog.MatrixFigure> matrix =
                latestWithMatrix(c).map(l -> l.matrices().get(c.locale.getLanguage()));
        List<List<String>> rows = new ArrayList<>();
        for (MaturityCatalog.CriterionStanding cr : s.criteria()) {
            facts.add(cr.key(), cr.level(), cr.previousLevel());
            c.level(new Level(cr.key(), cr.title().in(FINNISH), cr.level()));
            rows.add(List.of(
                    cr.title().in(c.locale),
                    cr.level() == null ? "–" : cr.level() + " " + cr.levelName().in(c.locale),
                    cr.previousLevel() == null ? "–" : String.valueOf(cr.previousLevel()),
                    cr.movement() == null
                            ? "–"
                            : msg(
                                    c,
                                    "maturity.movement."
                                            + (cr.movement() > 0 ? "up" : cr.movement() < 0 ? "down" : "same"))));
        }
        String heading = msg(c, "report.block.maturityOf", s.roundTitle());
        return new BlockContent(
                b.id(),
                b.kind().name(),
                heading,
                msg(c, "report.block.maturity.lead", c.formats.date(s.assessedOn())),
                List.of(),
                matrix.map(m -> new FigureContent(m.svg(), m.agreedLevels(), m.title()))
                        .orElse(null),
                new TableContent(
                        heading,
                        List.of(
                                msg(c, "report.table.criterion"),
                                msg(c, "report.table.level"),
                                msg(c, "report.table.previous"),
                                msg(c, "report.table.movement")),
                        List.of(false, false, true, false),
                        rows),
                null,
                List.of(),
                msg(c, "report.source.promeq"),
                facts.digest());
    }

    // Joys and worries, the minimum data list, what changed

    private BlockContent joysAndWorries(Context c, Block b) {
        List<JoyWorry> all = new ArrayList<>(reports.joysAndWorries(c.organisation, c.report.id()));
        // Residents' themes are shown in the reader's language; their facts use the Finnish title so
        // that the fingerprint is the same in every language.
        Map<UUID, String> themeFacts = new HashMap<>();
        for (ResidentsTheme t : residentsThemes(c)) {
            all.add(t.shown());
            themeFacts.put(t.shown().id(), t.factText());
        }
        Facts facts = new Facts("JOYS_WORRIES");
        if (all.isEmpty()) {
            return empty(c, b, msg(c, "report.block.JOYS_WORRIES"), msg(c, "report.block.noJoys"), facts.digest());
        }
        List<Item> items = new ArrayList<>();
        for (JoyWorry j : all) {
            Support support = support(c, j);
            facts.add(j.id(), j.kind(), themeFacts.getOrDefault(j.id(), j.text()), support.name());
            if (!themeFacts.containsKey(j.id())) {
                c.joy(
                        j.id(),
                        new ReportContent.JoyState(
                                j.kind().name(), j.text(), j.source(), j.indicatorId(), support.name()));
            }
            items.add(new Item(
                    msg(c, "report.joy." + j.kind()) + " · " + j.source(),
                    j.text(),
                    msg(c, "report.support." + support.name(), support.indicator),
                    support.name().toLowerCase(Locale.ROOT)));
        }
        return new BlockContent(
                b.id(),
                b.kind().name(),
                msg(c, "report.block.JOYS_WORRIES"),
                msg(c, "report.block.joys.lead"),
                items,
                null,
                null,
                null,
                List.of(),
                null,
                facts.digest());
    }

    /**
     * The themes residents' joys and worries were grouped into on the participation side, from the
     * report's first year up to today, each as one joy or worry: its source says how many mentions it groups and
     * from where; its first linked indicator is weighed like any other.
     */
    private record ResidentsTheme(JoyWorry shown, String factText) {}

    private List<ResidentsTheme> residentsThemes(Context c) {
        List<ResidentsTheme> themes = new ArrayList<>();
        // Residents are heard while the report is prepared, usually after the years it covers: the
        // themes of those years and of the years since, up to today, count.
        int until = Math.max(c.report.lastYear(), c.today.getYear());
        for (int year = c.report.firstYear(); year <= until; year++) {
            for (ParticipationCatalog.JoyWorryTheme t : participation.joysAndWorries(c.organisation, year)) {
                String source = t.sources().isEmpty()
                        ? msg(c, "report.joy.residents", t.items(), String.valueOf(year))
                        : msg(
                                c,
                                "report.joy.residentsWorkshops",
                                t.items(),
                                String.valueOf(year),
                                String.join(", ", t.sources()));
                themes.add(new ResidentsTheme(
                        new JoyWorry(
                                t.id(),
                                c.report.id(),
                                "JOY".equals(t.kind()) ? JoyWorry.Kind.JOY : JoyWorry.Kind.WORRY,
                                source,
                                t.title().in(c.locale),
                                t.indicatorIds().isEmpty()
                                        ? null
                                        : t.indicatorIds().get(0),
                                null),
                        t.title().fi() + "|" + t.items() + "|" + String.join(",", t.sources())));
            }
        }
        return themes;
    }

    enum SupportKind {
        SUPPORTS,
        CONTRADICTS,
        NO_DATA
    }

    record Support(SupportKind kind, String indicator) {
        String name() {
            return kind.name();
        }
    }

    /**
     * Whether the indicator linked to a joy or worry bears it out: its latest change in the better
     * direction (or, without a change, a better standing than the country) supports a joy and
     * contradicts a worry, and the other way round.
     */
    Support support(Context c, JoyWorry j) {
        if (j.indicatorId() == null) {
            return new Support(SupportKind.NO_DATA, "");
        }
        Optional<Series> s = c.reads.get(
                List.of("series", j.indicatorId()),
                () -> indicators.series(c.organisation, j.indicatorId(), Optional.empty()));
        if (s.isEmpty() || s.get().own() == null) {
            return new Support(
                    SupportKind.NO_DATA,
                    s.map(x -> x.indicator().title().in(c.locale)).orElse(""));
        }
        Series series = s.get();
        String title = series.indicator().title().in(c.locale);
        int better = switch (series.indicator().direction()) {
            case "HIGHER_IS_BETTER" -> 1;
            case "HIGHER_IS_WORSE" -> -1;
            default -> 0;
        };
        Integer sign = null;
        if (better != 0
                && series.own().change() != null
                && series.own().change().signum() != 0) {
            sign = series.own().change().signum() * better;
        } else if (series.againstCountry() != null && Math.abs(series.againstCountry()) == 1) {
            sign = series.againstCountry();
        }
        if (sign == null) {
            return new Support(SupportKind.NO_DATA, title);
        }
        boolean good = sign > 0;
        boolean joy = j.kind() == JoyWorry.Kind.JOY;
        return new Support(good == joy ? SupportKind.SUPPORTS : SupportKind.CONTRADICTS, title);
    }

    private BlockContent minimumData(Context c, Block b) {
        Outlines.MinimumList list = outlines.minimumList();
        Map<String, Placement> placed = placements(c);
        Map<UUID, String> headings = reports.sections(c.organisation, c.report.id()).stream()
                .collect(Collectors.toMap(Section::id, s -> s.title().in(c.locale)));
        Facts facts = new Facts("MINIMUM_DATA");
        List<List<String>> rows = new ArrayList<>();
        for (Outlines.MinimumItem item : list.items()) {
            Placement p = placed.get(item.key());
            String where;
            if (p != null && p.sectionId() != null) {
                where = headings.getOrDefault(p.sectionId(), "–");
            } else if (p != null && p.decided()) {
                where = msg(c, "report.minimum.omitted", p.omittedReason());
            } else {
                where = msg(c, "report.minimum.undecided");
            }
            facts.add(item.key(), where);
            rows.add(List.of(
                    item.title().in(c.locale),
                    msg(c, "report.minimum.kind." + item.kind()),
                    item.sotkanetId() == null ? "–" : String.valueOf(item.sotkanetId()),
                    where));
        }
        return new BlockContent(
                b.id(),
                b.kind().name(),
                msg(c, "report.block.MINIMUM_DATA"),
                msg(c, "report.minimum.lead", list.version()),
                List.of(),
                null,
                new TableContent(
                        msg(c, "report.block.MINIMUM_DATA"),
                        List.of(
                                msg(c, "report.table.item"),
                                msg(c, "report.table.kind"),
                                msg(c, "report.table.sotkanet"),
                                msg(c, "report.table.placement")),
                        List.of(false, false, true, false),
                        rows),
                null,
                List.of(),
                msg(c, "report.source.minimum"),
                facts.digest());
    }

    private Map<String, Placement> placements(Context c) {
        return reports.placements(c.organisation, c.report.id()).stream()
                .collect(Collectors.toMap(Placement::itemKey, Function.identity()));
    }

    private List<Item> omissions(Context c) {
        Map<String, Placement> placed = placements(c);
        List<Item> items = new ArrayList<>();
        for (Outlines.MinimumItem item : outlines.minimumList().items()) {
            Placement p = placed.get(item.key());
            if (p != null && p.sectionId() == null && p.decided()) {
                items.add(new Item(item.title().in(c.locale), p.omittedReason(), null, null));
            }
        }
        return items;
    }

    /**
     * Against the previous approved report's frozen numbers: indicators whose own latest value moved
     * by at least the report's threshold, values THL has revised since, goals that went on or off
     * track and maturity levels that moved.
     */
    private BlockContent whatChanged(Context c, Block b) {
        String heading = msg(c, "report.block.WHAT_CHANGED");
        if (c.previous.isEmpty()) {
            return empty(c, b, heading, msg(c, "report.block.noPrevious"), "none");
        }
        Data before = c.previous.get().data();
        Facts facts = new Facts("WHAT_CHANGED");
        List<Item> items = new ArrayList<>();
        BigDecimal threshold = c.report.changeThreshold();
        Map<Integer, DataValue> earlier = latestOwn(before.values());
        for (SetItem item : setOverview(c).items()) {
            Series s = item.series();
            DataValue was = earlier.get(s.indicator().id());
            if (was == null || s.own() == null || was.value().signum() == 0) {
                continue;
            }
            BigDecimal relative =
                    s.own().value().subtract(was.value()).divide(was.value().abs(), MathContext.DECIMAL64);
            String title = s.indicator().title().in(c.locale);
            if (relative.abs().multiply(BigDecimal.valueOf(100)).compareTo(threshold) >= 0) {
                facts.add(s.indicator().id(), s.own().year(), s.own().value());
                items.add(new Item(
                        title,
                        msg(
                                c,
                                "report.changed.indicator",
                                c.formats.value(was.value()),
                                String.valueOf(was.year()),
                                c.formats.value(s.own().value()),
                                String.valueOf(s.own().year()),
                                c.formats.percent(relative)),
                        null,
                        null));
            }
            BigDecimal nowForThen = ownValue(s, was.year());
            if (nowForThen != null && nowForThen.compareTo(was.value()) != 0) {
                facts.add("revised", s.indicator().id(), was.year(), nowForThen);
                items.add(new Item(
                        title,
                        msg(
                                c,
                                "report.block.revised",
                                String.valueOf(was.year()),
                                c.formats.value(was.value()),
                                c.formats.value(nowForThen)),
                        msg(c, "report.changed.revisedMark"),
                        "revised"));
            }
        }
        Map<String, GoalState> goalsBefore =
                before.goals().stream().collect(Collectors.toMap(GoalState::ref, Function.identity(), (a, x) -> a));
        standing(c)
                .ifPresent(s -> s.goals().forEach(g -> {
                    GoalState was = goalsBefore.get(g.ref());
                    if (was != null && onTrack(was.status()) != onTrack(g.status())) {
                        facts.add(g.ref(), was.status(), g.status());
                        items.add(new Item(
                                g.ref() + " " + g.title().in(c.locale),
                                msg(
                                        c,
                                        onTrack(g.status()) ? "report.changed.onTrack" : "report.changed.offTrack",
                                        msg(c, "plan.target." + was.status()),
                                        msg(c, "plan.target." + g.status())),
                                null,
                                null));
                    }
                }));
        Map<String, Level> levelsBefore =
                before.maturity().stream().collect(Collectors.toMap(Level::key, Function.identity(), (a, x) -> a));
        latestRound(c)
                .ifPresent(s -> s.criteria().forEach(cr -> {
                    Level was = levelsBefore.get(cr.key());
                    if (was != null
                            && was.level() != null
                            && cr.level() != null
                            && !was.level().equals(cr.level())) {
                        facts.add(cr.key(), was.level(), cr.level());
                        items.add(new Item(
                                cr.title().in(c.locale),
                                msg(c, "report.changed.level", was.level(), cr.level()),
                                null,
                                null));
                    }
                }));
        if (items.isEmpty()) {
            return finding(
                    c,
                    b,
                    heading,
                    msg(c, "report.block.nothingChanged", c.formats.value(threshold.stripTrailingZeros())),
                    facts.digest());
        }
        return new BlockContent(
                b.id(),
                b.kind().name(),
                heading,
                msg(
                        c,
                        "report.block.changed.lead",
                        c.formats.value(threshold.stripTrailingZeros()),
                        c.previous.get().title()),
                items,
                null,
                null,
                null,
                List.of(),
                null,
                facts.digest());
    }

    private static boolean onTrack(String status) {
        return "REACHED".equals(status) || "ON_TRACK".equals(status);
    }

    private static Map<Integer, DataValue> latestOwn(List<DataValue> values) {
        Map<Integer, DataValue> latest = new LinkedHashMap<>();
        for (DataValue v : values) {
            if ("own".equals(v.role()) && "total".equals(v.gender())) {
                latest.merge(v.indicatorId(), v, (a, x) -> x.year() > a.year() ? x : a);
            }
        }
        return latest;
    }

    // Regional

    private BlockContent memberReports(Context c, Block b) {
        String heading = msg(c, "report.block.MEMBER_REPORTS");
        Facts facts = new Facts("MEMBER_REPORTS");
        List<Item> items = new ArrayList<>();
        Map<OrganisationId, String> names = new LinkedHashMap<>();
        String county = organisations.countyOf(c.organisation).orElse(null);
        if (county != null) {
            organisations.inCounty(county).stream()
                    .filter(o -> !o.id().equals(c.organisation))
                    .forEach(o -> names.put(o.id(), o.name().in(c.locale)));
        }
        for (Reports.MemberReport m : reports.sentTo(c.organisation)) {
            String name = names.getOrDefault(m.organisation(), "–");
            names.remove(m.organisation());
            facts.add(name, m.title(), m.approvedOn());
            items.add(new Item(
                    name,
                    msg(
                            c,
                            "report.members.sent",
                            m.title(),
                            c.formats.date(m.approvedOn()),
                            c.formats.dateTime(m.sentAt())),
                    msg(c, "report.members.inHyte"),
                    "supports"));
        }
        for (Reports.MemberReport m : reports.memberLinks(c.organisation)) {
            // A member in Hyte whose report the county linked has a report: not one of those with neither.
            names.values().removeIf(n -> n.equalsIgnoreCase(m.memberName().strip()));
            facts.add(m.memberName(), m.title(), m.approvedOn());
            items.add(new Item(
                    m.memberName(),
                    msg(
                            c,
                            "report.members.link",
                            m.title(),
                            m.approvedOn() == null ? "–" : c.formats.date(m.approvedOn()),
                            m.url()),
                    msg(c, "report.members.linked"),
                    "no_data"));
        }
        names.values().forEach(name -> items.add(new Item(name, msg(c, "report.members.none"), null, "contradicts")));
        if (items.isEmpty()) {
            return empty(c, b, heading, msg(c, "report.members.noMembers"), facts.digest());
        }
        return new BlockContent(
                b.id(), b.kind().name(), heading, null, items, null, null, null, List.of(), null, facts.digest());
    }

    /**
     * A county's indicator across its municipalities: each one's latest value, best first, the gap
     * between the best and the worst, and a note when their latest years differ.
     */
    private BlockContent members(Context c, Block b) {
        Optional<IndicatorCatalog.MemberSeries> found = b.indicatorId() == null
                ? Optional.empty()
                : c.reads.get(
                        List.of("members", b.indicatorId(), String.valueOf(b.gender())),
                        () -> indicators.members(c.organisation, b.indicatorId(), Optional.ofNullable(b.gender())));
        if (found.isEmpty()) {
            return empty(c, b, null, msg(c, "report.block.membersOnlyCounty"), "gone");
        }
        IndicatorCatalog.MemberSeries m = found.get();
        String title = m.indicator().title().in(c.locale);
        Facts facts = new Facts("MEMBERS_INDICATOR", b.indicatorId(), m.gender());
        int better = switch (m.indicator().direction()) {
            case "HIGHER_IS_WORSE" -> -1;
            default -> 1;
        };
        List<IndicatorCatalog.RegionValues> withData = m.municipalities().stream()
                .filter(r -> r.latest() != null)
                .sorted((x, y) ->
                        better * y.latest().value().compareTo(x.latest().value()))
                .toList();
        if (withData.isEmpty()) {
            return empty(c, b, title, msg(c, "report.block.noData"), facts.digest());
        }
        List<List<String>> rows = new ArrayList<>();
        for (IndicatorCatalog.RegionValues r : withData) {
            IndicatorCatalog.LatestValue l = r.latest();
            facts.add(r.regionId(), l.year(), l.value());
            r.byYear()
                    .forEach((year, value) -> c.value(new DataValue(
                            m.indicator().id(),
                            m.indicator().code(),
                            m.indicator().title().in(FINNISH),
                            r.title().in(FINNISH),
                            "member",
                            year,
                            m.gender(),
                            value,
                            "THL, Sotkanet.fi",
                            "CC BY 4.0",
                            null,
                            null)));
            rows.add(List.of(
                    r.title().in(c.locale),
                    c.formats.value(l.value()),
                    String.valueOf(l.year()),
                    l.change() == null
                            ? "–"
                            : c.formats.change(l.change()) + " (" + l.previousYear() + "–" + l.year() + ")"));
        }
        IndicatorCatalog.RegionValues best = withData.get(0);
        IndicatorCatalog.RegionValues worst = withData.get(withData.size() - 1);
        List<String> notes = new ArrayList<>();
        int first = withData.stream().mapToInt(r -> r.latest().year()).min().orElse(0);
        int last = withData.stream().mapToInt(r -> r.latest().year()).max().orElse(0);
        if (first != last) {
            notes.add(msg(c, "report.block.members.years", String.valueOf(first), String.valueOf(last)));
        }
        int without = m.municipalities().size() - withData.size();
        if (without > 0) {
            notes.add(msg(c, "report.block.members.without", without));
        }
        return new BlockContent(
                b.id(),
                b.kind().name(),
                title,
                msg(
                        c,
                        "report.block.members.lead",
                        best.title().in(c.locale),
                        c.formats.value(best.latest().value()),
                        worst.title().in(c.locale),
                        c.formats.value(worst.latest().value()),
                        c.formats.value(best.latest()
                                .value()
                                .subtract(worst.latest().value())
                                .abs())),
                List.of(),
                null,
                new TableContent(
                        msg(c, "report.block.membersOf", title),
                        List.of(
                                msg(c, "report.table.municipality"),
                                msg(c, "report.table.latest"),
                                msg(c, "report.table.year"),
                                msg(c, "report.table.change")),
                        List.of(false, true, true, true),
                        rows),
                null,
                notes,
                msg(c, "report.source.sotkanet"),
                facts.digest());
    }

    // Helpers

    private BlockContent empty(Context c, Block b, String heading, String why, String fingerprint) {
        return new BlockContent(
                b.id(),
                b.kind().name(),
                heading == null ? msg(c, "report.block." + b.kind().name()) : heading,
                null,
                List.of(),
                null,
                null,
                why,
                List.of(),
                null,
                fingerprint);
    }

    /** A block whose data was read and says there is nothing to list (no large gaps, nothing moved). */
    private BlockContent finding(Context c, Block b, String heading, String finding, String fingerprint) {
        return new BlockContent(
                b.id(), b.kind().name(), heading, finding, List.of(), null, null, null, List.of(), null, fingerprint);
    }

    /**
     * "Source: …" of an indicator block: the indicator's own source where it names one, else the
     * organisation's own data for a local indicator (never THL's name on data THL did not publish),
     * else THL's Sotkanet.
     */
    private String source(
            Context c, LocalizedText source, boolean local, String licence, java.time.OffsetDateTime retrieved) {
        String name = source != null && source.in(c.locale) != null
                ? source.in(c.locale)
                : local ? msg(c, "report.source.own") : "THL, Sotkanet.fi";
        StringBuilder s = new StringBuilder(msg(c, "report.source", name));
        if (licence != null) {
            s.append(", ").append(licence);
        }
        if (retrieved != null) {
            s.append(". ")
                    .append(msg(
                            c,
                            "report.retrieved",
                            c.formats.date(retrieved.atZoneSameInstant(zone).toLocalDate())));
        }
        return s.toString();
    }

    /** The indicator's last import batch: the batch its values, as composed now, came in (null when none). */
    private Long importBatch(Context c, int indicatorId) {
        long batch = c.reads.get(
                List.of("batch", indicatorId), () -> indicators.dataVersion(c.organisation, List.of(indicatorId)));
        return batch == 0 ? null : batch;
    }

    /** The source line with the import batch the values came in. */
    private String withBatch(Context c, String source, int indicatorId) {
        Long batch = importBatch(c, indicatorId);
        return batch == null ? source : source + " " + msg(c, "report.importBatch", String.valueOf(batch));
    }

    private IndicatorCatalog.SetOverview setOverview(Context c) {
        return c.reads.get(List.of("set"), () -> indicators.setOverview(c.organisation));
    }

    private Optional<MaturityCatalog.Standing> latestRound(Context c) {
        return latestWithMatrix(c).map(MaturityCatalog.LatestWithMatrix::standing);
    }

    /** The latest closed round with its matrix in each language of this call, read once for all. */
    private Optional<MaturityCatalog.LatestWithMatrix> latestWithMatrix(Context c) {
        return c.reads.get(List.of("maturity"), () -> maturity.latestWithMatrix(c.organisation, c.reads.locales));
    }

    private String msg(Context c, String key, Object... args) {
        return messages.getMessage(key, args, key, c.locale);
    }

    private static Text text(LocalizedText t, Locale locale) {
        return new Text(t.in(locale), languageOf(t, locale));
    }

    /** The language the text is shown in when it is not the reader's (a fallback), else null. */
    static String languageOf(LocalizedText t, Locale locale) {
        String shown = t.in(locale);
        if (shown == null) {
            return null;
        }
        String wanted = locale.getLanguage();
        String actual = shown.equals(t.fi()) ? "fi" : shown.equals(t.sv()) ? "sv" : "en";
        boolean same = switch (wanted) {
            case "sv" -> shown.equals(t.sv());
            case "en" -> shown.equals(t.en());
            default -> shown.equals(t.fi());
        };
        return same ? null : actual;
    }

    /**
     * The reads that do not depend on the language, each made once within one call of the composer
     * (a page, or a lock's three languages) and then forgotten with it: never kept across requests.
     */
    static final class Reads {
        /** The languages composed in this call: an indicator's figure is drawn in each at once. */
        final List<Locale> locales;

        private final Map<List<Object>, Object> kept = new HashMap<>();

        Reads(List<Locale> locales) {
            this.locales = List.copyOf(locales);
        }

        @SuppressWarnings("unchecked")
        <T> T get(List<Object> key, Supplier<T> read) {
            if (kept.containsKey(key)) {
                return (T) kept.get(key);
            }
            T value = read.get();
            kept.put(key, value);
            return value;
        }
    }

    /** What one composition reads and collects. */
    static final class Context {
        final OrganisationId organisation;
        final Report report;
        final Locale locale;
        final LocalDate today;
        final Optional<Frozen> previous;
        final Formats formats;
        final Reads reads;
        Optional<PlanStanding> standing;
        /** Whether the numbers behind the content are wanted ({@link #compose}), not only the blocks. */
        boolean keepsData;

        private final Map<String, DataValue> values = new LinkedHashMap<>();
        private final Map<String, GoalState> goals = new LinkedHashMap<>();
        private final Map<String, MeasureState> measures = new LinkedHashMap<>();
        private final Map<String, Level> levels = new LinkedHashMap<>();
        private final Map<UUID, ReportContent.JoyState> joys = new LinkedHashMap<>();

        Context(
                OrganisationId organisation,
                Report report,
                Locale locale,
                LocalDate today,
                Optional<Frozen> previous,
                Formats formats,
                Reads reads) {
            this.reads = reads;
            this.organisation = organisation;
            this.report = report;
            this.locale = locale;
            this.today = today;
            this.previous = previous;
            this.formats = formats;
        }

        void value(DataValue v) {
            values.putIfAbsent(
                    v.indicatorId() + "|" + v.region() + "|" + v.role() + "|" + v.year() + "|" + v.gender(), v);
        }

        void goal(GoalState g) {
            goals.putIfAbsent(g.ref(), g);
        }

        void measure(MeasureState m) {
            measures.putIfAbsent(m.ref(), m);
        }

        void level(Level l) {
            levels.putIfAbsent(l.key(), l);
        }

        void joy(UUID id, ReportContent.JoyState j) {
            joys.putIfAbsent(id, j);
        }

        Data data() {
            return new Data(
                    List.copyOf(values.values()),
                    List.copyOf(goals.values()),
                    List.copyOf(measures.values()),
                    List.copyOf(levels.values()),
                    List.copyOf(joys.values()));
        }
    }

    /** The raw facts a block shows, digested: the same facts give the same fingerprint in any language. */
    static final class Facts {
        private final StringBuilder text = new StringBuilder();

        Facts(Object... head) {
            add(head);
        }

        Facts add(Object... parts) {
            for (Object p : parts) {
                text.append(p instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(p))
                        .append('|');
            }
            text.append('\n');
            return this;
        }

        String digest() {
            return sha256(text.toString()).substring(0, 16);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
