package fi.hyte.plan.domain;

import fi.hyte.plan.domain.PlanEditing.ProgressChange;
import fi.hyte.plan.domain.PlanSheets.Column;
import fi.hyte.plan.domain.PlanSheets.Layout;
import fi.hyte.plan.domain.PlanSheets.Parsed;
import fi.hyte.plan.domain.PlanSheets.Recognised;
import fi.hyte.plan.domain.PlanSheets.Source;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.files.FileProblem;
import fi.hyte.platform.files.Spreadsheets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads back a sheet exported by {@link PlanWorkbook} (XLSX, or CSV of the same layout), in which
 * measures' status and progress and goals' and measures' evaluations were filled in. Rows are
 * matched by the stable id (TP-12, T-3; see {@link PlanRef}); headers may be in Finnish, Swedish or
 * English. All or nothing: every problem is listed with its sheet, row, id, column and reason (a
 * {@link FileProblem}, put in the user's language by the page), and if there is any, nothing is saved. Otherwise the changes are saved in one
 * transaction through {@link PlanEditing#saveProgress}; rows that change nothing are skipped.
 *
 * <p>The rules, besides values that must be valid (a status or realised name in any language, a
 * progress of 0–100, an http(s) link):
 * <ul>
 *   <li>A locked cell must still say what an export would write now, compared in the language of
 *       the file's headers; unless the record was changed after the export, when the difference is
 *       someone else's change, not the user's.
 *   <li>Hidden versions are checked per part: status and progress against the measure's version, an
 *       evaluation against the evaluation's. A part someone changed after the export may not be
 *       changed from the file: the problem names who changed it and when (the audit log). A part
 *       whose cells say what Hyte says now is unchanged, so a file may be imported again, e.g. after
 *       its progress went in and its evaluations were written later.
 *   <li>Editors change only their own sector's measures and evaluations; goals' evaluations are the
 *       coordinators'.
 *   <li>The evaluation of the year in the row is saved when "realised" is chosen. A row with
 *       "realised" blank and no evaluation text adds nothing and removes nothing (an evaluation is
 *       removed in Hyte, not by emptying cells); a row with text but "realised" blank is refused,
 *       rather than its text dropped or a judgement guessed.
 * </ul>
 */
@Service
public class PlanRoundTrip {

    /** How many problems are listed; the count says how many there were in all. */
    public static final int SHOWN_PROBLEMS = 200;

    private static final int MAX_TEXT = 4000;
    private static final int MAX_LINK = 2000;
    private static final Pattern LINK = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm");

    /** What an import did: the problems (then nothing was saved) or the counts of what was saved. */
    public record Result(
            List<FileProblem> problems,
            int problemCount,
            int measuresUpdated,
            int evaluationsAdded,
            int evaluationsChanged,
            int rowsUnchanged) {

        public boolean saved() {
            return problemCount == 0;
        }

        public boolean changedNothing() {
            return saved() && measuresUpdated == 0 && evaluationsAdded == 0 && evaluationsChanged == 0;
        }
    }

    private final PlanSheets sheets;
    private final PlanEditing editing;
    private final AuditLog audit;
    private final Spreadsheets spreadsheets;
    private final ZoneId zone;

    PlanRoundTrip(
            PlanSheets sheets,
            PlanEditing editing,
            AuditLog audit,
            Spreadsheets spreadsheets,
            @Value("${hyte.time-zone}") String zone) {
        this.sheets = sheets;
        this.spreadsheets = spreadsheets;
        this.editing = editing;
        this.audit = audit;
        this.zone = ZoneId.of(zone);
    }

    /** Checks the file against the plan and, if it has no problems, saves its changes. */
    @Transactional
    public Result importFile(Tenant tenant, UUID plan, String fileName, byte[] content, Locale locale) {
        tenant.require(Role.EDITOR);
        Source source = sheets.read(tenant.organisation(), plan);
        Check check = new Check(tenant, source, locale);
        SheetFile.Content file =
                SheetFile.read(spreadsheets, fileName, content, sheets.sheetName(Layout.MEASURES, locale));
        if (file.refusal() != null) {
            check.problems.add(file.refusal());
            return check.result();
        }
        boolean found = false;
        for (SheetFile.Table table : file.tables()) {
            found |= check.table(table);
        }
        if (!found && check.problems.isEmpty()) {
            check.fileProblem("noSheet");
        }
        if (!check.problems.isEmpty()) {
            return check.result();
        }
        if (check.progress.isEmpty() && check.evaluations.isEmpty()) {
            return check.result();
        }
        PlanEditing.ProgressSaved saved = editing.saveProgress(tenant, plan, check.progress, check.evaluations);
        return new Result(
                List.of(), 0, saved.measures(), saved.evaluationsAdded(), saved.evaluationsChanged(), check.unchanged);
    }

    /** The state of one import's check: what is known of the plan, the problems found, the changes to make. */
    private final class Check {

        final Tenant tenant;
        final Source source;
        final Locale locale;
        final Map<Integer, Measure> measures;
        final Map<Integer, Goal> goals;
        final Optional<UUID> ownSector;
        final List<FileProblem> problems = new ArrayList<>();
        final List<ProgressChange> progress = new ArrayList<>();
        final List<Evaluation> evaluations = new ArrayList<>();
        final Map<String, Long> seen = new HashMap<>();
        int unchanged;

        Check(Tenant tenant, Source source, Locale locale) {
            this.tenant = tenant;
            this.source = source;
            this.locale = locale;
            this.measures = source.measuresByRef();
            this.goals = source.goalsByRef();
            this.ownSector = tenant.can(Role.COORDINATOR) ? Optional.empty() : editing.ownSector(tenant);
        }

        /** Checks one sheet; false if it is not one of the plan's sheets (e.g. the instructions). */
        boolean table(SheetFile.Table table) {
            List<SheetFile.Line> lines = table.lines();
            if (lines.isEmpty()) {
                return false;
            }
            SheetFile.Line header = lines.get(0);
            Optional<Recognised> recognised = sheets.recognise(header.cells(), locale);
            if (recognised.isEmpty()) {
                return false;
            }
            Recognised layout = recognised.get();
            if (!layout.complete()) {
                problems.add(FileProblem.at(
                        table.name(),
                        header.number(),
                        null,
                        null,
                        "planexchange.problem.columnsMissing",
                        layout.missing().stream()
                                .map(c -> "”" + sheets.header(c, layout.language()) + "”")
                                .collect(Collectors.joining(", "))));
                return true;
            }
            for (SheetFile.Line line : lines.subList(1, lines.size())) {
                new RowCheck(table.name(), layout, line).run();
            }
            return true;
        }

        void fileProblem(String reason) {
            problems.add(FileProblem.of(0, "planexchange.problem." + reason));
        }

        Result result() {
            List<FileProblem> sorted = problems.stream()
                    .sorted(Comparator.comparing((FileProblem p) -> p.sheet() == null ? "" : p.sheet())
                            .thenComparingLong(FileProblem::row))
                    .limit(SHOWN_PROBLEMS)
                    .toList();
            return new Result(sorted, problems.size(), 0, 0, 0, unchanged);
        }

        /** The names of a choice, for messages listing what is accepted; in the reader's language. */
        List<FileProblem.Message> choices(Column column) {
            return switch (column) {
                case STATUS ->
                    Arrays.stream(MeasureStatus.values())
                            .map(v -> FileProblem.Message.of("planexchange.status." + v.name()))
                            .toList();
                case REALISED ->
                    Arrays.stream(Realisation.values())
                            .map(v -> FileProblem.Message.of("planexchange.realised." + v.name()))
                            .toList();
                default -> List.of();
            };
        }

        boolean mayEdit(Measure m) {
            return PlanEditing.mayEditSector(tenant, m.sectorId(), ownSector);
        }

        FileProblem.Message changedBy(String entityType, UUID id) {
            return audit.lastChange(tenant.organisation(), entityType, id)
                    .map(e -> FileProblem.Message.of(
                            "planexchange.problem.changedSince",
                            e.actorName() == null ? "?" : e.actorName(),
                            WHEN.format(e.occurredAt().atZoneSameInstant(zone))))
                    .orElseGet(() -> FileProblem.Message.of("planexchange.problem.changedSinceUnknown"));
        }

        /** One data row of a recognised sheet. */
        private final class RowCheck {

            final String sheet;
            final Recognised layout;
            final SheetFile.Line line;
            final int problemsBefore = problems.size();
            String id;

            RowCheck(String sheet, Recognised layout, SheetFile.Line line) {
                this.sheet = sheet;
                this.layout = layout;
                this.line = line;
            }

            String raw(Column column) {
                Integer position = layout.positions().get(column);
                return position == null ? "" : line.cell(position);
            }

            Parsed parsed(Column column) {
                return sheets.parse(column, raw(column));
            }

            void problem(Column column, String key, Object... args) {
                problems.add(FileProblem.at(
                        sheet,
                        line.number(),
                        id,
                        column == null ? null : "planexchange.column." + column.key,
                        "planexchange.problem." + key,
                        args));
            }

            boolean rowHasProblems() {
                return problems.size() > problemsBefore;
            }

            void run() {
                String idText = PlanSheets.normal(raw(Column.ID));
                if (idText == null) {
                    // A row without id (the totals row, notes below the table) is fine unless it fills in something.
                    boolean filled = layout.layout().columns.stream()
                            .filter(c -> c.editable)
                            .anyMatch(c -> PlanSheets.normal(raw(c)) != null);
                    if (filled) {
                        problem(Column.ID, "idMissing");
                    }
                    return;
                }
                id = idText;
                OptionalInt ref = PlanRef.parse(idText);
                if (ref.isEmpty()) {
                    problem(Column.ID, "badId", idText);
                    return;
                }
                boolean measureSheet = layout.layout() == Layout.MEASURES;
                Measure measure = measureSheet ? measures.get(ref.getAsInt()) : null;
                Goal goal = measureSheet ? null : goals.get(ref.getAsInt());
                if (measure == null && goal == null) {
                    problem(Column.ID, measureSheet ? "unknownMeasure" : "unknownGoal", idText);
                    return;
                }
                id = measureSheet ? PlanRef.measure(ref.getAsInt()) : PlanRef.goal(ref.getAsInt());
                Long first = seen.putIfAbsent(layout.layout() + "/" + ref.getAsInt(), line.number());
                if (first != null) {
                    problem(Column.ID, "duplicate", id, first);
                    return;
                }
                Integer version = integer(Column.VERSION, true);
                Integer evaluationVersion = integer(Column.EVALUATION_VERSION, false);
                Integer year = integer(Column.YEAR, true);
                if (year != null && !source.plan().plan().covers(year)) {
                    problem(
                            Column.YEAR,
                            "badYear",
                            year,
                            source.plan().plan().firstYear(),
                            source.plan().plan().lastYear());
                }
                Wanted wanted = wantedEvaluation();
                if (measure != null) {
                    measureRow(measure, version, evaluationVersion, year, wanted);
                } else {
                    goalRow(goal, version, evaluationVersion, year, wanted);
                }
            }

            private void measureRow(
                    Measure m, Integer version, Integer evaluationVersion, Integer year, Wanted wanted) {
                Parsed status = parsed(Column.STATUS);
                if (status.blank()) {
                    problem(Column.STATUS, "statusMissing", choices(Column.STATUS));
                } else if (!status.valid()) {
                    problem(Column.STATUS, "badStatus", PlanSheets.normal(raw(Column.STATUS)), choices(Column.STATUS));
                }
                Integer newProgress =
                        parsed(Column.PROGRESS).value() instanceof Integer p && p >= 0 && p <= 100 ? p : null;
                if (newProgress == null) {
                    problem(
                            Column.PROGRESS,
                            "badProgress",
                            Objects.toString(PlanSheets.normal(raw(Column.PROGRESS)), ""));
                }
                if (version == null || year == null) {
                    return;
                }
                boolean stale = version != m.version();
                if (!stale) {
                    locked(sheets.measure(source, m, year, layout.language()));
                }
                MeasureStatus newStatus = status.value() instanceof MeasureStatus s ? s : null;
                boolean progressChanged = newStatus != null
                        && newProgress != null
                        && (newStatus != m.status() || newProgress != m.progress());
                if (progressChanged) {
                    if (stale) {
                        problem(Column.STATUS, "changed", changedBy("measure", m.id()));
                    } else if (!mayEdit(m)) {
                        problem(Column.STATUS, "otherSector");
                    }
                }
                Evaluation evaluation = evaluation(
                        wanted, null, m.id(), year, evaluationVersion, "measureEvaluation", mayEdit(m), "otherSector");
                if (rowHasProblems()) {
                    return;
                }
                if (progressChanged) {
                    progress.add(new ProgressChange(m.id(), newStatus, newProgress, version));
                }
                if (evaluation != null) {
                    evaluations.add(evaluation);
                }
                if (!progressChanged && evaluation == null) {
                    unchanged++;
                }
            }

            private void goalRow(Goal g, Integer version, Integer evaluationVersion, Integer year, Wanted wanted) {
                if (version == null || year == null) {
                    return;
                }
                if (version == g.version()) {
                    locked(sheets.goal(source, g, year, layout.language()));
                }
                Evaluation evaluation = evaluation(
                        wanted,
                        g.id(),
                        null,
                        year,
                        evaluationVersion,
                        "goalEvaluation",
                        tenant.can(Role.COORDINATOR),
                        "goalByCoordinator");
                if (rowHasProblems()) {
                    return;
                }
                if (evaluation != null) {
                    evaluations.add(evaluation);
                } else {
                    unchanged++;
                }
            }

            /** Every compared locked cell against what the export would write now. */
            private void locked(Map<Column, Object> expected) {
                for (Column column : layout.layout().columns) {
                    if (!column.compared()) {
                        continue;
                    }
                    Object now = expected.get(column);
                    Parsed cell = parsed(column);
                    if (!cell.valid() || !PlanSheets.same(now, cell.value())) {
                        String was = PlanSheets.normal(raw(column));
                        String is = sheets.display(now, layout.language());
                        Object empty = FileProblem.Message.of("planexchange.problem.emptyValue");
                        problem(column, "locked", was == null ? empty : was, is.isEmpty() ? empty : is);
                    }
                }
            }

            /** The evaluation cells as read: realised (null if blank) and the texts, or null if all blank. */
            private Wanted wantedEvaluation() {
                Parsed realised = parsed(Column.REALISED);
                String assessment = cellText(Column.ASSESSMENT, MAX_TEXT);
                String evidence = cellText(Column.EVIDENCE, MAX_TEXT);
                String link = cellText(Column.LINK, MAX_LINK);
                if (link != null && !LINK.matcher(link).matches()) {
                    problem(Column.LINK, "badLink", link);
                }
                if (!realised.valid()) {
                    problem(
                            Column.REALISED,
                            "badRealised",
                            PlanSheets.normal(raw(Column.REALISED)),
                            choices(Column.REALISED));
                    return null;
                }
                if (realised.blank()) {
                    if (assessment != null || evidence != null || link != null) {
                        problem(Column.REALISED, "realisedMissing", choices(Column.REALISED));
                    }
                    return null;
                }
                return new Wanted((Realisation) realised.value(), assessment, evidence, link);
            }

            /**
             * The evaluation to save from this row: null when the row asks for none or says what Hyte says
             * already; a problem when someone changed it after the export or the user may not change it.
             */
            private Evaluation evaluation(
                    Wanted wanted,
                    UUID goal,
                    UUID measure,
                    int year,
                    Integer versionSeen,
                    String auditType,
                    boolean allowed,
                    String refusal) {
                if (wanted == null) {
                    return null;
                }
                UUID subject = goal != null ? goal : measure;
                Optional<Evaluation> existing = source.plan().evaluation(subject, year);
                if (existing.isPresent() && wanted.same(existing.get())) {
                    return null;
                }
                boolean stale = existing.map(e -> !Objects.equals(e.version(), versionSeen))
                        .orElse(versionSeen != null);
                if (stale) {
                    problem(Column.REALISED, "changed", changedBy(auditType, subject));
                    return null;
                }
                if (!allowed) {
                    problem(Column.REALISED, refusal);
                    return null;
                }
                return new Evaluation(
                        existing.map(Evaluation::id).orElse(null),
                        goal,
                        measure,
                        year,
                        wanted.realised(),
                        wanted.assessment(),
                        wanted.evidence(),
                        wanted.link(),
                        existing.map(Evaluation::version).orElse(0),
                        null,
                        null);
            }

            private Integer integer(Column column, boolean required) {
                Parsed cell = parsed(column);
                if (cell.blank() && !required) {
                    return null;
                }
                if (!cell.valid() || cell.blank()) {
                    problem(column, column == Column.YEAR ? "yearMissing" : "versionMissing");
                    return null;
                }
                return (Integer) cell.value();
            }

            private String cellText(Column column, int max) {
                String value = PlanSheets.normal(raw(column));
                if (value != null && value.length() > max) {
                    problem(column, "tooLong", max);
                }
                return value;
            }
        }
    }

    /** The evaluation a row asks for. */
    private record Wanted(Realisation realised, String assessment, String evidence, String link) {

        boolean same(Evaluation e) {
            return realised == e.realised()
                    && Objects.equals(assessment, PlanSheets.normal(e.assessment()))
                    && Objects.equals(evidence, PlanSheets.normal(e.evidence()))
                    && Objects.equals(link, PlanSheets.normal(e.evidenceUrl()));
        }
    }
}
