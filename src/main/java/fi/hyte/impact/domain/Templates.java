package fi.hyte.impact.domain;

import fi.hyte.plan.PlanCatalog;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organisations' template versions. An organisation without one starts from Hyte's default
 * (resources/impact/default-template.json) as its version 1; a change is a new version, so that an
 * assessment keeps the version it began with.
 */
@Repository
public class Templates {

    static final String DEFAULT = "impact/default-template.json";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final TemplateContent defaults;
    private final PlanCatalog plans;

    Templates(JdbcClient jdbc, JsonMapper json, AuditLog audit, PlanCatalog plans) {
        this.plans = plans;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        try (InputStream in = new ClassPathResource(DEFAULT).getInputStream()) {
            this.defaults =
                    json.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), TemplateContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A version of a template with when and by whom it was made. */
    public record TemplateVersion(
            int version, TemplateContent content, String note, OffsetDateTime createdAt, String createdBy) {}

    public TemplateContent defaults() {
        return defaults;
    }

    /** The latest version, made from the defaults the first time it is asked for. */
    @Transactional
    public TemplateVersion latest(OrganisationId organisation) {
        return find(organisation, null).orElseGet(() -> {
            jdbc.sql("insert into impact_template (id, organisation_id, version, content, note, created_by)"
                            + " values (?, ?, 1, cast(? as jsonb), 'default', 'Hyte') on conflict do nothing")
                    .params(
                            UUID.randomUUID(),
                            organisation.value(),
                            json.writeValueAsString(startingPoint(organisation)))
                    .update();
            return find(organisation, 1).orElseThrow();
        });
    }

    /** The defaults with the plan's wellbeing dimensions as rows, before the indirect perspectives. */
    TemplateContent startingPoint(OrganisationId organisation) {
        List<TemplateContent.Row> rows = new ArrayList<>();
        List<LocalizedText> dimensions = plans.dimensions(organisation);
        for (TemplateContent.Row row : defaults.rows()) {
            boolean beforeIndirect =
                    !row.section().equals("groups") && !row.section().equals("health");
            if (beforeIndirect && !dimensions.isEmpty()) {
                for (int i = 0; i < dimensions.size(); i++) {
                    rows.add(new TemplateContent.Row("dimension" + (i + 1), "dimensions", false, dimensions.get(i)));
                }
                dimensions = List.of();
            }
            rows.add(row);
        }
        return new TemplateContent(
                defaults.name(),
                defaults.sources(),
                defaults.accumulationMonths(),
                defaults.shareThreshold(),
                defaults.eurosThreshold(),
                defaults.rules(),
                defaults.exclusions(),
                rows,
                defaults.areas(),
                defaults.wording(),
                defaults.diaryPattern());
    }

    public Optional<TemplateVersion> find(OrganisationId organisation, Integer version) {
        String sql =
                "select version, content::text, note, created_at, created_by from impact_template where organisation_id = ?"
                        + (version == null ? " order by version desc limit 1" : " and version = ?");
        var statement = jdbc.sql(sql).param(organisation.value());
        if (version != null) {
            statement = statement.param(version);
        }
        return statement
                .query((rs, i) -> new TemplateVersion(
                        rs.getInt(1),
                        parse(rs.getString(2)),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5)))
                .optional();
    }

    /**
     * Parsed template contents by their JSON text: every page of a case reads its template, and a
     * version's text never changes, so the same text is parsed once (the contents are immutable).
     */
    private final java.util.Map<String, TemplateContent> parsed =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, TemplateContent> eldest) {
                    return size() > 64;
                }
            });

    private TemplateContent parse(String text) {
        TemplateContent known = parsed.get(text);
        if (known != null) {
            return known;
        }
        TemplateContent content = json.readValue(text, TemplateContent.class);
        parsed.put(text, content);
        return content;
    }

    public List<TemplateVersion> versions(OrganisationId organisation) {
        latest(organisation);
        return jdbc
                .sql("select version from impact_template where organisation_id = ? order by version desc")
                .param(organisation.value())
                .query(Integer.class)
                .list()
                .stream()
                .map(v -> find(organisation, v).orElseThrow())
                .toList();
    }

    /** Saves a changed template as the next version, if nobody saved one since {@code basedOn}. */
    @Transactional
    public int saveNew(Tenant tenant, int basedOn, TemplateContent content, String note) {
        TemplateVersion latest = latest(tenant.organisation());
        if (latest.version() != basedOn) {
            throw new fi.hyte.platform.ConcurrentChangeException("impact template");
        }
        int next = latest.version() + 1;
        jdbc.sql("insert into impact_template (id, organisation_id, version, content, note, created_by)"
                        + " values (?, ?, ?, cast(? as jsonb), ?, ?)")
                .params(
                        UUID.randomUUID(),
                        tenant.organisation().value(),
                        next,
                        json.writeValueAsString(content),
                        note,
                        tenant.userName())
                .update();
        audit.created(tenant, "impactTemplate", next, Map.of("version", next, "note", Objects.toString(note, "")));
        return next;
    }

    /** Deletes the latest version unless an assessment uses it or it is the only one. */
    @Transactional
    public boolean deleteLatest(Tenant tenant, int version) {
        TemplateVersion latest = latest(tenant.organisation());
        if (latest.version() != version || version == 1) {
            return false;
        }
        boolean used = jdbc.sql(
                        "select exists (select 1 from impact_case where organisation_id = ? and template_version = ?)")
                .params(tenant.organisation().value(), version)
                .query(Boolean.class)
                .single();
        if (used) {
            return false;
        }
        jdbc.sql("delete from impact_template where organisation_id = ? and version = ?")
                .params(tenant.organisation().value(), version)
                .update();
        audit.deleted(tenant, "impactTemplate", version, Map.of("version", version));
        return true;
    }

    /** What changed from one version to another, as message keys with their arguments. */
    public static List<Difference> differences(TemplateContent from, TemplateContent to) {
        List<Difference> found = new ArrayList<>();
        if (from.shareThreshold() == null || to.shareThreshold() == null
                ? from.shareThreshold() != to.shareThreshold()
                : from.shareThreshold().compareTo(to.shareThreshold()) != 0) {
            found.add(new Difference(
                    "impact.template.diff.share", List.of(str(from.shareThreshold()), str(to.shareThreshold()))));
        }
        if (from.eurosThreshold() == null || to.eurosThreshold() == null
                ? from.eurosThreshold() != to.eurosThreshold()
                : from.eurosThreshold().compareTo(to.eurosThreshold()) != 0) {
            found.add(new Difference(
                    "impact.template.diff.euros", List.of(str(from.eurosThreshold()), str(to.eurosThreshold()))));
        }
        if (from.accumulationMonths() != to.accumulationMonths()) {
            found.add(new Difference(
                    "impact.template.diff.months",
                    List.of(Integer.toString(from.accumulationMonths()), Integer.toString(to.accumulationMonths()))));
        }
        for (TemplateContent.Rule rule : to.rules()) {
            from.rule(rule.key())
                    .ifPresentOrElse(
                            old -> {
                                if (old.outcome() != rule.outcome()) {
                                    found.add(new Difference(
                                            "impact.template.diff.outcome",
                                            List.of(
                                                    rule.label().fi(),
                                                    old.outcome().name(),
                                                    rule.outcome().name())));
                                }
                            },
                            () -> found.add(new Difference(
                                    "impact.template.diff.ruleAdded",
                                    List.of(rule.label().fi()))));
        }
        for (TemplateContent.Rule rule : from.rules()) {
            if (to.rule(rule.key()).isEmpty()) {
                found.add(new Difference(
                        "impact.template.diff.ruleRemoved", List.of(rule.label().fi())));
            }
        }
        for (TemplateContent.Rule rule : to.rules()) {
            from.rule(rule.key()).ifPresent(old -> {
                BigDecimal was = from.threshold(old);
                BigDecimal now = to.threshold(rule);
                boolean own = old.threshold() != null || rule.threshold() != null;
                if (own && (was == null || now == null ? was != now : was.compareTo(now) != 0)) {
                    found.add(new Difference(
                            "impact.template.diff.ruleThreshold",
                            List.of(rule.label().fi(), str(was), str(now))));
                }
                if (old.hearing() != rule.hearing()) {
                    found.add(new Difference(
                            rule.hearing() ? "impact.template.diff.ruleHearing" : "impact.template.diff.ruleNoHearing",
                            List.of(rule.label().fi())));
                }
                if (!Objects.equals(old.group(), rule.group())) {
                    found.add(new Difference(
                            "impact.template.diff.ruleGroup",
                            List.of(rule.label().fi())));
                }
            });
        }
        for (TemplateContent.Exclusion exclusion : to.exclusions()) {
            if (from.exclusions().stream().noneMatch(x -> x.key().equals(exclusion.key()))) {
                found.add(new Difference(
                        "impact.template.diff.exclusionAdded",
                        List.of(exclusion.label().fi())));
            }
        }
        for (TemplateContent.Exclusion exclusion : from.exclusions()) {
            if (to.exclusions().stream().noneMatch(x -> x.key().equals(exclusion.key()))) {
                found.add(new Difference(
                        "impact.template.diff.exclusionRemoved",
                        List.of(exclusion.label().fi())));
            }
        }
        for (TemplateContent.Row row : to.rows()) {
            if (from.row(row.key()).isEmpty()) {
                found.add(new Difference(
                        "impact.template.diff.rowAdded", List.of(row.label().fi())));
            }
        }
        for (TemplateContent.Row row : from.rows()) {
            if (to.row(row.key()).isEmpty()) {
                found.add(new Difference(
                        "impact.template.diff.rowRemoved", List.of(row.label().fi())));
            }
        }
        for (TemplateContent.Row row : to.rows()) {
            from.row(row.key()).ifPresent(old -> {
                if (!Objects.equals(old.label(), row.label())) {
                    found.add(new Difference(
                            "impact.template.diff.rowRenamed",
                            List.of(old.label().fi(), row.label().fi())));
                }
                if (!old.section().equals(row.section()) || old.group() != row.group()) {
                    found.add(new Difference(
                            "impact.template.diff.rowKind", List.of(row.label().fi())));
                }
            });
        }
        List<String> keptFrom = from.rows().stream()
                .map(TemplateContent.Row::key)
                .filter(k -> to.row(k).isPresent())
                .toList();
        List<String> keptTo = to.rows().stream()
                .map(TemplateContent.Row::key)
                .filter(k -> from.row(k).isPresent())
                .toList();
        if (!keptFrom.equals(keptTo)) {
            found.add(new Difference("impact.template.diff.rowsReordered", List.of()));
        }
        for (TemplateContent.Rule rule : to.rules()) {
            from.rule(rule.key()).ifPresent(old -> {
                if (!Objects.equals(old.label(), rule.label())) {
                    found.add(new Difference(
                            "impact.template.diff.ruleWording",
                            List.of(rule.label().fi())));
                }
            });
        }
        for (TemplateContent.Exclusion exclusion : to.exclusions()) {
            from.exclusions().stream()
                    .filter(x -> x.key().equals(exclusion.key()))
                    .findFirst()
                    .ifPresent(old -> {
                        if (!Objects.equals(old.label(), exclusion.label())) {
                            found.add(new Difference(
                                    "impact.template.diff.exclusionWording",
                                    List.of(exclusion.label().fi())));
                        }
                    });
        }
        if (!Objects.equals(from.wording(), to.wording())) {
            found.add(new Difference("impact.template.diff.summaryWording", List.of()));
        }
        List<String> fromAreas = from.areas().stream().map(LocalizedText::fi).toList();
        List<String> toAreas = to.areas().stream().map(LocalizedText::fi).toList();
        if (!fromAreas.equals(toAreas)) {
            found.add(new Difference("impact.template.diff.areas", List.of(String.join(", ", toAreas))));
        }
        return found;
    }

    /** One difference between template versions: a message key and its arguments. */
    public record Difference(String key, List<String> arguments) {}

    private static String str(Object value) {
        return value == null ? "–" : value.toString();
    }
}
