package fi.hyte.indicator.sotkanet;

import fi.hyte.indicator.IndicatorSettings;
import fi.hyte.indicator.domain.Gender;
import fi.hyte.indicator.domain.Indicator;
import fi.hyte.indicator.domain.IndicatorRegion;
import fi.hyte.indicator.domain.IndicatorRegions;
import fi.hyte.indicator.domain.IndicatorValues;
import fi.hyte.indicator.domain.Indicators;
import fi.hyte.indicator.domain.SotkanetFormat;
import fi.hyte.indicator.domain.ValueImport;
import fi.hyte.platform.UserId;
import fi.hyte.platform.files.FileProblem;
import fi.hyte.platform.jobs.Jobs;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings Hyte's copy of Sotkanet up to date, in the background: the region list, the indicator list,
 * then each indicator followed here (or those asked for) whose data Sotkanet says has changed since
 * the last refresh. Each indicator's values load in a transaction of their own, so one that fails
 * keeps its previous values while the others land; its metadata (with the data date that makes the
 * next refresh skip it) is stored only after its values did. Runs on demand and on a schedule.
 */
@Service
public class SotkanetRefresh implements SchedulingConfigurer {

    public static final String KIND = "REFRESH";
    public static final String SCOPE = "sotkanet";

    /** Job messages (keys of the indicator bundle); UNAVAILABLE takes Sotkanet's host as its argument. */
    public static final String REFRESHED = "indicator.sotkanet.refreshed";

    public static final String REFRESHED_WITH_ERRORS = "indicator.sotkanet.refreshedWithErrors";
    public static final String FAILED = "indicator.sotkanet.failed";
    public static final String UNAVAILABLE = SotkanetUnavailableException.MESSAGE_KEY;

    /** The first year asked for when Sotkanet does not tell an indicator's range. */
    static final int FIRST_YEAR = 1990;

    private static final Logger LOG = LoggerFactory.getLogger(SotkanetRefresh.class);
    private static final List<Gender> GENDERS = List.of(Gender.values());
    private static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");

    private final SotkanetClient client;
    private final IndicatorRegions regions;
    private final Indicators indicators;
    private final ValueImport imports;
    private final IndicatorValues values;
    private final Jobs jobs;
    private final JsonMapper json;
    private final IndicatorSettings settings;

    SotkanetRefresh(
            SotkanetClient client,
            IndicatorRegions regions,
            Indicators indicators,
            ValueImport imports,
            IndicatorValues values,
            Jobs jobs,
            JsonMapper json,
            IndicatorSettings settings) {
        this.client = client;
        this.regions = regions;
        this.indicators = indicators;
        this.imports = imports;
        this.values = values;
        this.jobs = jobs;
        this.json = json;
        this.settings = settings;
    }

    /**
     * Starts a refresh job, or returns empty when one already runs (on any node).
     *
     * @param user who asked, null for the schedule
     * @param indicatorIds the indicators to refresh; empty or null: every Sotkanet indicator that has
     *     values here or is in some organisation's indicator set
     * @param years the years to download; empty or null: the indicator's range as Sotkanet tells it.
     *     A refresh of chosen years does not record Sotkanet's data date, so the next full refresh still
     *     downloads every year
     */
    public Optional<UUID> start(UserId user, List<Integer> indicatorIds, List<Integer> years) {
        List<Integer> ids = indicatorIds == null ? List.of() : List.copyOf(new TreeSet<>(indicatorIds));
        List<Integer> span = years == null ? List.of() : List.copyOf(new TreeSet<>(years));
        return jobs.start(KIND, SCOPE, null, user, ids.size(), progress -> run(user, ids, span, progress));
    }

    /** The refresh running now, if any. */
    public Optional<Jobs.Job> running() {
        return jobs.running(KIND, SCOPE);
    }

    /**
     * A background job (a refresh or an import) as the one who started it, or a system operator, may
     * see it; empty for anyone else, as if it did not exist.
     */
    public Optional<Jobs.Job> visibleJob(UUID id, UserId reader, boolean operator) {
        Optional<Jobs.Job> job = jobs.find(id);
        if (job.isEmpty() || operator) {
            return job;
        }
        boolean starter = reader != null && reader.value().equals(job.get().startedBy());
        return starter ? job : Optional.empty();
    }

    /** Sotkanet's host, the argument of the {@link #UNAVAILABLE} message. */
    public String sotkanetHost() {
        URI base = URI.create(client.baseUrl());
        return base.getHost() == null ? client.baseUrl() : base.getHost();
    }

    /** The scheduled refresh, in Finnish time; "-" (or nothing) turns it off. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        String cron =
                settings.refreshCron() == null ? "" : settings.refreshCron().strip();
        if (cron.isEmpty() || "-".equals(cron)) {
            LOG.info("The scheduled Sotkanet refresh is off");
            return;
        }
        registrar.addTriggerTask(this::scheduled, new CronTrigger(cron, FINLAND));
    }

    void scheduled() {
        start(null, List.of(), List.of())
                .ifPresentOrElse(
                        id -> LOG.info("Scheduled Sotkanet refresh started as job {}", id),
                        () -> LOG.info("Scheduled Sotkanet refresh skipped: a refresh is already running"));
    }

    private Jobs.Outcome run(UserId user, List<Integer> requested, List<Integer> years, Jobs.Progress progress)
            throws InterruptedException {
        Tally tally = new Tally(progress);
        try {
            List<IndicatorRegion> regionList = new ArrayList<>();
            client.regions().forEach(node -> regionList.add(SotkanetFormat.region(node)));
            regions.saveAll(regionList);
            List<Indicator> catalogue = new ArrayList<>();
            client.indicators().forEach(node -> catalogue.add(SotkanetFormat.indicator(node)));
            indicators.saveShared(catalogue);
        } catch (SotkanetUnavailableException e) {
            LOG.warn("Sotkanet refresh failed: {}", e.getMessage());
            return new Jobs.Outcome(false, UNAVAILABLE, tally.result(requested.size(), e.getMessage()));
        } catch (SotkanetClient.RefusedException e) {
            LOG.warn("Sotkanet refresh failed: {}", e.getMessage());
            return new Jobs.Outcome(false, FAILED, tally.result(requested.size(), e.getMessage()));
        }
        List<Integer> ids = requested.isEmpty() ? values.followedSotkanetIndicators() : requested;
        tally.begin(ids.size());
        if (!ids.isEmpty()) {
            int workers = Math.max(1, Math.min(settings.concurrency(), ids.size()));
            AtomicInteger thread = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
                Thread t = new Thread(task, "sotkanet-refresh-" + thread.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> pending = new ArrayList<>();
                for (int id : ids) {
                    pending.add(pool.submit(() -> refresh(id, years, user, tally)));
                }
                for (Future<?> each : pending) {
                    each.get();
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("A Sotkanet refresh worker failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        String result = tally.result(ids.size(), null);
        if (tally.failedCount() == 0) {
            return new Jobs.Outcome(true, REFRESHED, result);
        }
        if (tally.failedCount() < ids.size()) {
            return new Jobs.Outcome(true, REFRESHED_WITH_ERRORS, result);
        }
        return new Jobs.Outcome(false, tally.allUnavailable() ? UNAVAILABLE : FAILED, result);
    }

    /** One indicator: its metadata, and its values when Sotkanet's data date differs from ours. */
    private void refresh(int id, List<Integer> years, UserId user, Tally tally) {
        try {
            Optional<JsonNode> record = client.indicator(id);
            if (record.isEmpty()) {
                tally.failed(id, "Sotkanet does not know indicator " + id, false);
                return;
            }
            Indicator remote = SotkanetFormat.indicator(record.get());
            Optional<Indicator> stored = indicators.findShared(id);
            if (remote.dataUpdated() != null
                    && stored.isPresent()
                    && remote.dataUpdated().equals(stored.get().dataUpdated())
                    && values.exists(id)) {
                tally.unchanged(id);
                return;
            }
            if (stored.isEmpty()) {
                // The values need the indicator in the catalogue; its data date waits for the values.
                indicators.saveShared(List.of(withoutDataDate(remote)));
            }
            List<Integer> span = years.isEmpty() ? span(remote) : years;
            URI uri = client.valuesUri(id, span, GENDERS);
            byte[] body = client.values(id, span, GENDERS);
            ValueImport.Result loaded = null;
            if (hasRows(body)) {
                loaded = imports.run(
                        new ValueImport.Request(
                                null,
                                user,
                                true,
                                null,
                                ValueImport.Source.sotkanet("SOTKANET"),
                                uri.toString(),
                                sha256(body),
                                false,
                                true),
                        new ByteArrayInputStream(body),
                        rows -> {});
                if (!loaded.accepted()) {
                    tally.failed(id, refusal(loaded), false);
                    return;
                }
            }
            // Only a download of the whole range may record the data date: after a few years alone, the
            // next refresh must still fetch the rest.
            indicators.saveShared(List.of(years.isEmpty() ? remote : withoutDataDate(remote)));
            tally.updated(id, loaded);
        } catch (SotkanetUnavailableException e) {
            tally.failed(id, e.getMessage(), true);
        } catch (SotkanetClient.RefusedException e) {
            tally.failed(id, e.getMessage(), false);
        } catch (RuntimeException e) {
            LOG.warn("Refreshing Sotkanet indicator {} failed", id, e);
            tally.failed(id, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
    }

    /** The indicator's years as Sotkanet tells them, or 1990 to this year when it does not. */
    static List<Integer> span(Indicator indicator) {
        Integer start = indicator.rangeStart();
        Integer end = indicator.rangeEnd();
        if (start == null || end == null || start > end) {
            start = FIRST_YEAR;
            end = Year.now(FINLAND).getValue();
        }
        return IntStream.rangeClosed(start, end).boxed().toList();
    }

    /** Whether a CSV answer has a row after its header. */
    static boolean hasRows(byte[] body) {
        int i = 0;
        while (i < body.length && body[i] != '\n') {
            i++;
        }
        for (; i < body.length; i++) {
            if (!Character.isWhitespace(body[i])) {
                return true;
            }
        }
        return false;
    }

    private static Indicator withoutDataDate(Indicator i) {
        return new Indicator(
                i.id(),
                i.organisationId(),
                i.code(),
                i.title(),
                i.description(),
                i.source(),
                i.unit(),
                i.decimals(),
                i.genders(),
                i.direction(),
                null,
                i.rangeStart(),
                i.rangeEnd());
    }

    private static String refusal(ValueImport.Result result) {
        if (result.format() == null) {
            return "The values are not in Sotkanet's CSV format";
        }
        StringBuilder text = new StringBuilder("The values were refused: ")
                .append(result.problemCount())
                .append(result.problemCount() == 1 ? " problem" : " problems");
        if (!result.problems().isEmpty()) {
            FileProblem first = result.problems().get(0);
            text.append(", first ").append(first.code()).append(' ').append(first.args());
            if (first.row() > 0) {
                text.append(" on line ").append(first.row());
            }
        }
        return text.toString();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the indicators came to, gathered from the workers; reported as progress after each one. */
    private final class Tally {

        private final Jobs.Progress progress;
        private final SortedSet<Integer> updated = new TreeSet<>();
        private final SortedSet<Integer> unchanged = new TreeSet<>();
        private final SortedMap<Integer, String> failed = new TreeMap<>();
        private int unavailable;
        private long added;
        private long changed;
        private long skipped;
        private int total;

        Tally(Jobs.Progress progress) {
            this.progress = progress;
        }

        synchronized void begin(int total) {
            this.total = total;
            report();
        }

        synchronized void updated(int id, ValueImport.Result loaded) {
            updated.add(id);
            if (loaded != null) {
                added += loaded.added();
                changed += loaded.changed();
                skipped += loaded.skipped();
            }
            report();
        }

        synchronized void unchanged(int id) {
            unchanged.add(id);
            report();
        }

        synchronized void failed(int id, String reason, boolean sotkanetUnavailable) {
            LOG.warn("Sotkanet indicator {} not refreshed: {}", id, reason);
            failed.put(id, reason);
            if (sotkanetUnavailable) {
                unavailable++;
            }
            report();
        }

        synchronized int failedCount() {
            return failed.size();
        }

        synchronized boolean allUnavailable() {
            return !failed.isEmpty() && unavailable == failed.size();
        }

        private void report() {
            progress.report(updated.size() + unchanged.size() + failed.size(), total, failed.size());
        }

        synchronized String result(int indicators, String error) {
            ObjectNode node = json.createObjectNode();
            node.put("indicators", indicators);
            ArrayNode updatedIds = node.putArray("updated");
            updated.forEach(updatedIds::add);
            ArrayNode unchangedIds = node.putArray("unchanged");
            unchanged.forEach(unchangedIds::add);
            ArrayNode failures = node.putArray("failed");
            for (Map.Entry<Integer, String> f : failed.entrySet()) {
                failures.addObject().put("id", f.getKey()).put("reason", f.getValue());
            }
            node.put("added", added);
            node.put("changed", changed);
            node.put("skippedUnknownRegions", skipped);
            if (error != null) {
                node.put("error", error);
            }
            return json.writeValueAsString(node);
        }
    }
}
