package fi.hyte.plan.domain;

import fi.hyte.indicator.IndicatorCatalog.IndicatorInfo;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DateUtil;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The layout of the plan's exchange sheets and what each cell holds: one definition for the XLSX
 * and CSV export and for the import, which compares a locked cell with what the export would write
 * now and reads the editable cells in any of the three languages.
 */
@Component
class PlanSheets {

    static final List<Locale> LANGUAGES =
            List.of(Locale.forLanguageTag("fi"), Locale.forLanguageTag("sv"), Locale.forLanguageTag("en"));

    private static final Pattern SPACES = Pattern.compile("[\\s\\x{00A0}\\x{202F}]+");
    private static final DateTimeFormatter FINNISH_DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

    /** What a column holds, which decides how it is written and read. */
    enum Kind {
        TEXT,
        NUMBER,
        INTEGER,
        DATE,
        YES_NO,
        STATUS,
        REALISATION
    }

    /** Every column of either sheet; its header comes from planexchange.column.KEY. */
    enum Column {
        ID("id", Kind.TEXT, false, 10),
        LINE("line", Kind.TEXT, false, 28),
        GOAL("goal", Kind.TEXT, false, 36),
        MEASURE("measure", Kind.TEXT, false, 44),
        SECTOR("sector", Kind.TEXT, false, 20),
        OWNER("owner", Kind.TEXT, false, 20),
        PARTNER_SECTORS("partnerSectors", Kind.TEXT, false, 22),
        PARTNERS("partners", Kind.TEXT, false, 22),
        STARTS("starts", Kind.DATE, false, 11),
        ENDS("ends", Kind.DATE, false, 11),
        WORK_YEARS("workYears", Kind.NUMBER, false, 12),
        EUROS("euros", Kind.NUMBER, false, 13),
        GRANTS("grants", Kind.TEXT, false, 20),
        GRANT_EUROS("grantEuros", Kind.NUMBER, false, 13),
        PREMISES("premises", Kind.TEXT, false, 18),
        BUDGET_REF("budgetRef", Kind.TEXT, false, 18),
        BUDGET_BINDING("budgetBinding", Kind.YES_NO, false, 12),
        RESPONSIBLE("responsible", Kind.TEXT, false, 24),
        INDICATORS("indicators", Kind.TEXT, false, 50),
        STATUS("status", Kind.STATUS, true, 14),
        PROGRESS("progress", Kind.INTEGER, true, 12),
        YEAR("year", Kind.INTEGER, false, 11),
        REALISED("realised", Kind.REALISATION, true, 13),
        ASSESSMENT("assessment", Kind.TEXT, true, 40),
        EVIDENCE("evidence", Kind.TEXT, true, 30),
        LINK("link", Kind.TEXT, true, 30),
        VERSION("version", Kind.INTEGER, false, 8),
        EVALUATION_VERSION("evaluationVersion", Kind.INTEGER, false, 8);

        final String key;
        final Kind kind;
        final boolean editable;
        final int width;

        Column(String key, Kind kind, boolean editable, int width) {
            this.key = key;
            this.kind = kind;
            this.editable = editable;
            this.width = width;
        }

        /** The versions the export saw: kept in the file, hidden, to find what changed meanwhile. */
        boolean hidden() {
            return this == VERSION || this == EVALUATION_VERSION;
        }

        /** Locked columns the import compares with Hyte: all locked ones but the year and versions. */
        boolean compared() {
            return !editable && this != YEAR && !hidden();
        }

        boolean wraps() {
            return this == MEASURE || this == GOAL || this == INDICATORS || this == ASSESSMENT || this == EVIDENCE;
        }
    }

    /** The two sheets: the measures, for budget preparation, and the goals with their evaluations. */
    enum Layout {
        MEASURES(
                "measures",
                List.of(
                        Column.ID,
                        Column.LINE,
                        Column.GOAL,
                        Column.MEASURE,
                        Column.SECTOR,
                        Column.OWNER,
                        Column.PARTNER_SECTORS,
                        Column.PARTNERS,
                        Column.STARTS,
                        Column.ENDS,
                        Column.WORK_YEARS,
                        Column.EUROS,
                        Column.GRANTS,
                        Column.GRANT_EUROS,
                        Column.PREMISES,
                        Column.BUDGET_REF,
                        Column.BUDGET_BINDING,
                        Column.STATUS,
                        Column.PROGRESS,
                        Column.YEAR,
                        Column.REALISED,
                        Column.ASSESSMENT,
                        Column.EVIDENCE,
                        Column.LINK,
                        Column.VERSION,
                        Column.EVALUATION_VERSION)),
        GOALS(
                "goals",
                List.of(
                        Column.ID,
                        Column.LINE,
                        Column.GOAL,
                        Column.RESPONSIBLE,
                        Column.INDICATORS,
                        Column.YEAR,
                        Column.REALISED,
                        Column.ASSESSMENT,
                        Column.EVIDENCE,
                        Column.LINK,
                        Column.VERSION,
                        Column.EVALUATION_VERSION));

        final String key;
        final List<Column> columns;

        Layout(String key, List<Column> columns) {
            this.key = key;
            this.columns = columns;
        }
    }

    /** Everything the sheets show about one plan, read at once: the plan and the names it refers to. */
    record Source(
            PlanSnapshot plan,
            Map<UUID, LocalizedText> sectors,
            Map<UUID, String> people,
            Map<UUID, LocalizedText> bodies,
            Map<Integer, IndicatorInfo> indicators) {

        Map<Integer, Measure> measuresByRef() {
            return plan.measures().stream().collect(Collectors.toMap(Measure::ref, Function.identity()));
        }

        Map<Integer, Goal> goalsByRef() {
            return plan.goals().stream().collect(Collectors.toMap(Goal::ref, Function.identity()));
        }
    }

    /** A header row recognised: the sheet's layout, the language of its headers and each column's place. */
    record Recognised(Layout layout, Locale language, Map<Column, Integer> positions, List<Column> missing) {

        boolean complete() {
            return missing.isEmpty();
        }
    }

    /** A cell read by its column's kind: the value, or whether the text could not be read as one. */
    record Parsed(Object value, boolean valid) {

        static final Parsed BLANK = new Parsed(null, true);
        static final Parsed INVALID = new Parsed(null, false);

        boolean blank() {
            return valid && value == null;
        }
    }

    private final MessageSource messages;
    private final OrganisationCatalog organisations;
    private final PlanReading reading;
    private final Map<String, Map<String, Column>> headers = new HashMap<>();
    private final Map<String, MeasureStatus> statuses = new HashMap<>();
    private final Map<String, Realisation> realisations = new HashMap<>();
    private final Map<String, Boolean> yesNo = new HashMap<>();

    PlanSheets(MessageSource messages, OrganisationCatalog organisations, PlanReading reading) {
        this.messages = messages;
        this.organisations = organisations;
        this.reading = reading;
        for (Locale language : LANGUAGES) {
            Map<String, Column> names = new HashMap<>();
            for (Column column : Column.values()) {
                if (names.put(key(header(column, language)), column) != null) {
                    throw new IllegalStateException("Two columns named " + header(column, language));
                }
            }
            headers.put(language.getLanguage(), names);
            for (MeasureStatus status : MeasureStatus.values()) {
                statuses.put(key(name(status, language)), status);
            }
            for (Realisation realisation : Realisation.values()) {
                realisations.put(key(name(realisation, language)), realisation);
            }
            yesNo.put(key(yesNo(true, language)), true);
            yesNo.put(key(yesNo(false, language)), false);
        }
        for (MeasureStatus status : MeasureStatus.values()) {
            statuses.put(key(status.name()), status);
        }
        for (Realisation realisation : Realisation.values()) {
            realisations.put(key(realisation.name()), realisation);
        }
        yesNo.put("true", true);
        yesNo.put("false", false);
    }

    Source read(OrganisationId organisation, UUID plan) {
        PlanSnapshot snapshot = reading.snapshot(organisation, plan);
        return new Source(
                snapshot,
                organisations.sectors(organisation).stream()
                        .collect(Collectors.toMap(
                                OrganisationCatalog.SectorSummary::id, OrganisationCatalog.SectorSummary::name)),
                organisations.people(organisation).stream()
                        .collect(Collectors.toMap(
                                OrganisationCatalog.PersonSummary::id, OrganisationCatalog.PersonSummary::name)),
                organisations.bodies(organisation).stream()
                        .collect(Collectors.toMap(
                                OrganisationCatalog.BodySummary::id, OrganisationCatalog.BodySummary::name)),
                reading.indicatorsOf(organisation, snapshot));
    }

    /** The measures a sheet lists, in the plan's order: all, or those a sector is responsible for. */
    List<Measure> measures(Source source, UUID sector) {
        return PlanReading.measuresInOrder(source.plan()).stream()
                .filter(m -> sector == null || sector.equals(m.sectorId()))
                .toList();
    }

    /** The goals a sheet lists: all, or for one sector those with a measure of that sector. */
    List<Goal> goals(Source source, UUID sector) {
        Set<UUID> withMeasures =
                measures(source, sector).stream().map(Measure::goalId).collect(Collectors.toSet());
        return PlanReading.goalsInOrder(source.plan()).stream()
                .filter(g -> sector == null || withMeasures.contains(g.id()))
                .toList();
    }

    /** A measure's row as the export writes it in the given language. */
    Map<Column, Object> measure(Source source, Measure m, int year, Locale language) {
        PlanSnapshot plan = source.plan();
        Map<Column, Object> row = new EnumMap<>(Column.class);
        Goal goal = plan.goal(m.goalId()).orElseThrow();
        row.put(Column.ID, PlanRef.measure(m.ref()));
        row.put(Column.LINE, lineText(plan, goal, language));
        row.put(Column.GOAL, PlanRef.goal(goal.ref()) + " " + in(goal.title(), language));
        row.put(Column.MEASURE, in(m.title(), language));
        row.put(Column.SECTOR, m.sectorId() == null ? null : in(source.sectors().get(m.sectorId()), language));
        row.put(Column.OWNER, m.ownerPersonId() == null ? null : source.people().get(m.ownerPersonId()));
        row.put(
                Column.PARTNER_SECTORS,
                blankToNull(m.partnerSectorIds().stream()
                        .map(id -> in(source.sectors().get(id), language))
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining(", "))));
        row.put(Column.PARTNERS, blankToNull(m.partners()));
        row.put(Column.STARTS, m.startsOn());
        row.put(Column.ENDS, m.endsOn());
        row.put(Column.WORK_YEARS, m.workYears());
        row.put(Column.EUROS, m.euros());
        row.put(Column.GRANTS, blankToNull(m.grants()));
        row.put(Column.GRANT_EUROS, m.grantEuros());
        row.put(Column.PREMISES, blankToNull(m.premises()));
        row.put(Column.BUDGET_REF, blankToNull(m.budgetRef()));
        row.put(Column.BUDGET_BINDING, m.budgetBinding());
        row.put(Column.STATUS, m.status());
        row.put(Column.PROGRESS, m.progress());
        evaluation(row, plan.evaluation(m.id(), year).orElse(null), year);
        row.put(Column.VERSION, m.version());
        return row;
    }

    /** A goal's row as the export writes it in the given language. */
    Map<Column, Object> goal(Source source, Goal g, int year, Locale language) {
        PlanSnapshot plan = source.plan();
        Map<Column, Object> row = new EnumMap<>(Column.class);
        row.put(Column.ID, PlanRef.goal(g.ref()));
        row.put(Column.LINE, lineText(plan, g, language));
        row.put(Column.GOAL, in(g.title(), language));
        row.put(
                Column.RESPONSIBLE,
                g.ownerPersonId() != null
                        ? source.people().get(g.ownerPersonId())
                        : g.ownerBodyId() != null ? in(source.bodies().get(g.ownerBodyId()), language) : null);
        row.put(
                Column.INDICATORS,
                blankToNull(plan.indicatorsOf(g.id()).stream()
                        .map(t -> indicatorText(source, t, language))
                        .collect(Collectors.joining("\n"))));
        evaluation(row, plan.evaluation(g.id(), year).orElse(null), year);
        row.put(Column.VERSION, g.version());
        return row;
    }

    private static void evaluation(Map<Column, Object> row, Evaluation evaluation, int year) {
        row.put(Column.YEAR, year);
        if (evaluation != null) {
            row.put(Column.REALISED, evaluation.realised());
            row.put(Column.ASSESSMENT, blankToNull(evaluation.assessment()));
            row.put(Column.EVIDENCE, blankToNull(evaluation.evidence()));
            row.put(Column.LINK, blankToNull(evaluation.evidenceUrl()));
            row.put(Column.EVALUATION_VERSION, evaluation.version());
        }
    }

    private static String lineText(PlanSnapshot plan, Goal goal, Locale language) {
        return plan.line(goal.lineId())
                .map(l -> PlanRef.line(l.ref()) + " " + in(l.title(), language))
                .orElse(null);
    }

    private String indicatorText(Source source, GoalIndicator target, Locale language) {
        IndicatorInfo info = source.indicators().get(target.indicatorId());
        StringBuilder text =
                new StringBuilder(info == null ? String.valueOf(target.indicatorId()) : in(info.title(), language));
        if (target.gender() != null && !"total".equals(target.gender())) {
            text.append(" (")
                    .append(message("planexchange.gender." + target.gender(), language))
                    .append(')');
        }
        text.append(": ")
                .append(yearAndValue(target.baselineYear(), target.baselineValue(), language))
                .append(" → ")
                .append(yearAndValue(target.targetYear(), target.targetValue(), language));
        return text.toString();
    }

    private static String yearAndValue(Integer year, BigDecimal value, Locale language) {
        String number = value == null ? "–" : decimal(value, language);
        return year == null ? number : year + " " + number;
    }

    String header(Column column, Locale language) {
        return message("planexchange.column." + column.key, language);
    }

    String sheetName(Layout layout, Locale language) {
        return message("planexchange.sheet." + layout.key, language);
    }

    String name(MeasureStatus status, Locale language) {
        return message("planexchange.status." + status.name(), language);
    }

    String name(Realisation realisation, Locale language) {
        return message("planexchange.realised." + realisation.name(), language);
    }

    String yesNo(boolean value, Locale language) {
        return message(value ? "planexchange.yes" : "planexchange.no", language);
    }

    String message(String key, Locale language, Object... args) {
        return messages.getMessage(key, args, language);
    }

    /** A value as text, as CSV carries it and as problems quote it; dates and numbers as the language writes them. */
    String display(Object value, Locale language) {
        if (value == null) {
            return "";
        }
        if (value instanceof MeasureStatus status) {
            return name(status, language);
        }
        if (value instanceof Realisation realisation) {
            return name(realisation, language);
        }
        if (value instanceof Boolean bool) {
            return yesNo(bool, language);
        }
        if (value instanceof BigDecimal number) {
            return decimal(number, language);
        }
        if (value instanceof LocalDate date) {
            return date(date, language);
        }
        return value.toString();
    }

    static String decimal(BigDecimal number, Locale language) {
        String plain = number.stripTrailingZeros().toPlainString();
        return "en".equals(language.getLanguage()) ? plain : plain.replace('.', ',');
    }

    static String date(LocalDate date, Locale language) {
        return "fi".equals(language.getLanguage()) ? FINNISH_DATE.format(date) : date.toString();
    }

    /** Excel's number format for dates in the language. */
    static String dateFormat(Locale language) {
        return "fi".equals(language.getLanguage()) ? "d.m.yyyy" : "yyyy-mm-dd";
    }

    /** Reads one cell by its column's kind; choices and yes/no in any of the three languages. */
    Parsed parse(Column column, String raw) {
        String text = normal(raw);
        if (text == null) {
            return Parsed.BLANK;
        }
        return switch (column.kind) {
            case TEXT -> new Parsed(text, true);
            case NUMBER -> number(text).map(n -> new Parsed(n, true)).orElse(Parsed.INVALID);
            case INTEGER ->
                number(text.replace("%", ""))
                        .filter(n -> n.stripTrailingZeros().scale() <= 0)
                        .filter(n -> n.abs().compareTo(BigDecimal.valueOf(1_000_000_000)) < 0)
                        .map(n -> new Parsed(n.intValueExact(), true))
                        .orElse(Parsed.INVALID);
            case DATE -> date(text).map(d -> new Parsed(d, true)).orElse(Parsed.INVALID);
            case YES_NO -> choice(yesNo, text);
            case STATUS -> choice(statuses, text);
            case REALISATION -> choice(realisations, text);
        };
    }

    /** Whether a locked cell still says what the export would write now. */
    static boolean same(Object expected, Object actual) {
        if (expected instanceof BigDecimal a && actual instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        if (expected instanceof String a && actual instanceof String b) {
            return normal(a).equals(normal(b));
        }
        return Objects.equals(expected, actual);
    }

    /** The names of a choice in one language, for messages listing what is accepted. */
    String choices(Column column, Locale language) {
        return switch (column.kind) {
            case STATUS ->
                Arrays.stream(MeasureStatus.values())
                        .map(s -> name(s, language))
                        .collect(Collectors.joining(", "));
            case REALISATION ->
                Arrays.stream(Realisation.values()).map(r -> name(r, language)).collect(Collectors.joining(", "));
            default -> "";
        };
    }

    /**
     * Which sheet a header row belongs to and in which language: the layout and language that find the
     * largest share of their columns, if the row has the id and at least two more of them.
     */
    Optional<Recognised> recognise(List<String> header, Locale preferred) {
        Recognised best = null;
        double bestShare = 0;
        List<Locale> order = new ArrayList<>(LANGUAGES);
        order.sort(Comparator.comparing(l -> !l.getLanguage().equals(preferred.getLanguage())));
        for (Locale language : order) {
            Map<String, Column> names = headers.get(language.getLanguage());
            for (Layout layout : Layout.values()) {
                Map<Column, Integer> positions = new EnumMap<>(Column.class);
                for (int i = 0; i < header.size(); i++) {
                    String name = normal(header.get(i));
                    Column column = name == null ? null : names.get(key(name));
                    if (column != null && layout.columns.contains(column)) {
                        positions.putIfAbsent(column, i);
                    }
                }
                if (!positions.containsKey(Column.ID)) {
                    continue;
                }
                List<Column> missing = layout.columns.stream()
                        .filter(c -> !positions.containsKey(c))
                        .toList();
                double share = (double) positions.size() / layout.columns.size();
                if (positions.size() >= 3 && share > bestShare) {
                    best = new Recognised(layout, language, positions, missing);
                    bestShare = share;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Parsed choice(Map<String, ?> names, String text) {
        Object value = names.get(key(text));
        return value == null ? Parsed.INVALID : new Parsed(value, true);
    }

    private static Optional<BigDecimal> number(String text) {
        String canonical = SPACES.matcher(text).replaceAll("").replace(',', '.').replace('\u2212', '-');
        if (canonical.isEmpty() || canonical.length() > 40) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(canonical));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A date as Excel stores it (a day number), as Finns write it, or in ISO form. */
    private static Optional<LocalDate> date(String text) {
        try {
            if (text.matches("\\d{1,6}(\\.\\d+)?")) {
                double serial = Double.parseDouble(text);
                return DateUtil.isValidExcelDate(serial)
                        ? Optional.of(DateUtil.getLocalDateTime(serial).toLocalDate())
                        : Optional.empty();
            }
            if (text.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                return Optional.of(LocalDate.parse(text, DateTimeFormatter.ofPattern("yyyy-M-d")));
            }
            if (text.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")) {
                return Optional.of(LocalDate.parse(text, FINNISH_DATE));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * A cell's text as compared and stored: without the formula guard's apostrophe, with Windows line
     * ends made plain and outer blanks removed; null when blank.
     */
    static String normal(String text) {
        if (text == null) {
            return null;
        }
        String plain = FormulaGuard.unguard(text.replace("\r\n", "\n").replace('\r', '\n'));
        plain = plain.strip();
        return plain.isEmpty() ? null : plain;
    }

    private static String key(String text) {
        return SPACES.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static String in(LocalizedText text, Locale language) {
        return text == null ? null : text.in(language);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
