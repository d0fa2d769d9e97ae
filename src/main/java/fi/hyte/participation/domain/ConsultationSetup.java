package fi.hyte.participation.domain;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator opens and runs consultations. The rules: a bilingual organisation gives the title
 * and intro in Finnish and Swedish; the period ends after it starts; once a published consultation
 * has opened, its start stays and its end can be moved later, never earlier; ten questions at most.
 * A broken rule is returned as message keys and nothing is saved.
 */
@Service
@Transactional
public class ConsultationSetup {

    private final Consultations consultations;
    private final PublicSites sites;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    ConsultationSetup(Consultations consultations, PublicSites sites, AuditLog audit, JdbcClient jdbc) {
        this.consultations = consultations;
        this.sites = sites;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** The broken rules of a new or changed consultation (empty when it may be saved). */
    public List<String> problems(Tenant tenant, Consultation changed, Consultation before, Instant now) {
        List<String> problems = new ArrayList<>();
        if (sites.bilingual(tenant.organisation())
                && (changed.title().sv() == null || changed.intro().sv() == null)) {
            problems.add("participation.consultation.problem.swedish");
        }
        if (!changed.closesAt().isAfter(changed.opensAt())) {
            problems.add("participation.consultation.problem.period");
        }
        // Opening it to residents of a bilingual organisation needs its own sections in both languages.
        if (changed.published()
                && changed.id() != null
                && sites.bilingual(tenant.organisation())
                && consultations.sections(tenant.organisation(), changed.id()).stream()
                        .filter(Consultation.Section::own)
                        .anyMatch(s -> s.title().sv() == null || s.text().sv() == null)) {
            problems.add("participation.consultation.problem.sectionsSwedish");
        }
        if (before != null && before.published() && !now.isBefore(before.opensAt())) {
            if (!changed.opensAt().equals(before.opensAt())) {
                problems.add("participation.consultation.problem.started");
            }
            if (changed.closesAt().isBefore(before.closesAt())) {
                problems.add("participation.consultation.problem.shorten");
            }
        }
        return problems;
    }

    public UUID create(Tenant tenant, Consultation draft, List<SectionChoice> sections) {
        tenant.require(Role.COORDINATOR);
        UUID id = UUID.randomUUID();
        Consultation c = new Consultation(
                id,
                tenant.organisation(),
                draft.planId(),
                draft.title(),
                draft.intro(),
                draft.opensAt(),
                draft.closesAt(),
                draft.moderation(),
                false,
                draft.invitedBodies(),
                0);
        consultations.insert(c);
        for (SectionChoice s : sections) {
            consultations.addSection(tenant.organisation(), id, s.ref(), s.title());
        }
        audit.created(tenant, "consultation", id, Map.of("title", c.title().fi(), "sections", sections.size()));
        return id;
    }

    public void update(Tenant tenant, Consultation changed) {
        tenant.require(Role.COORDINATOR);
        Consultation before = consultations
                .find(tenant.organisation(), changed.id())
                .orElseThrow(() -> new NotFoundException("Consultation"));
        if (!consultations.update(changed)) {
            throw new ConcurrentChangeException("Consultation");
        }
        audit.updated(tenant, "consultation", changed.id(), summary(before), summary(changed));
        sites.published(tenant.organisation());
    }

    /** Adds a question; false when the consultation has ten already. */
    public boolean addQuestion(
            Tenant tenant, UUID consultation, String kind, LocalizedText text, List<LocalizedText> choices) {
        tenant.require(Role.COORDINATOR);
        consultations
                .find(tenant.organisation(), consultation)
                .orElseThrow(() -> new NotFoundException("Consultation"));
        consultations.lock(tenant.organisation(), consultation);
        if (consultations.outside(tenant.organisation(), consultation).isPresent()) {
            return false;
        }
        UUID id = UUID.randomUUID();
        if (!consultations.addQuestion(
                tenant.organisation(), consultation, new Consultation.Question(id, kind, text, choices))) {
            return false;
        }
        jdbc.sql("update consultation set version = version + 1 where organisation_id = ? and id = ?")
                .params(tenant.organisation().value(), consultation)
                .update();
        audit.created(tenant, "consultationQuestion", id, Map.of("kind", kind, "text", text.fi()));
        return true;
    }

    /**
     * Adds, changes, removes or moves a section the coordinator wrote for a topic consultation: a
     * heading (200 characters at most) and a text (5,000), in Finnish at least; Swedish is needed to
     * open it in a bilingual organisation. Refused once the consultation is published and open (the
     * sections are frozen: residents comment on what they read), for one run outside Hyte and past
     * {@link Consultation#MAX_OWN_SECTIONS}. Returns the broken rules' keys; nothing is saved then.
     */
    public List<String> ownSection(Tenant tenant, UUID consultation, SectionChange change, Instant now) {
        tenant.require(Role.COORDINATOR);
        Consultation c = consultations
                .find(tenant.organisation(), consultation)
                .orElseThrow(() -> new NotFoundException("Consultation"));
        consultations.lock(tenant.organisation(), consultation);
        if (c.sectionsFrozen(now)) {
            return List.of("participation.section.problem.frozen");
        }
        if (consultations.outside(tenant.organisation(), consultation).isPresent()) {
            return List.of("participation.section.problem.outside");
        }
        boolean known = change.section() == null
                || consultations.sections(tenant.organisation(), consultation).stream()
                        .anyMatch(s -> s.own() && s.id().equals(change.section()));
        if (!known) {
            throw new NotFoundException("Section");
        }
        List<String> problems = new ArrayList<>();
        // A new section is logged under its own id, so the log names it by its heading later on.
        UUID section = change.section();
        if (change.action().equals("SAVE")) {
            LocalizedText title = change.title();
            LocalizedText text = change.text();
            if (title.fi() == null || !longest(title, 200)) {
                problems.add("participation.section.problem.heading");
            }
            if (text.fi() == null || !longest(text, 5000)) {
                problems.add("participation.section.problem.text");
            }
            if (!problems.isEmpty()) {
                return problems;
            }
            if (change.section() == null) {
                section = UUID.randomUUID();
                if (!consultations.addOwnSection(tenant.organisation(), consultation, section, title, text)) {
                    return List.of("participation.section.problem.tooMany");
                }
            } else {
                consultations.updateOwnSection(tenant.organisation(), consultation, change.section(), title, text);
            }
        } else if (change.action().equals("REMOVE")) {
            consultations.removeOwnSection(tenant.organisation(), consultation, change.section());
        } else {
            consultations.moveSection(
                    tenant.organisation(),
                    consultation,
                    change.section(),
                    change.action().equals("UP"));
        }
        jdbc.sql("update consultation set version = version + 1 where organisation_id = ? and id = ?")
                .params(tenant.organisation().value(), consultation)
                .update();
        // A removal or a move has no heading of its own; the log names the section by its earlier entries.
        Map<String, Object> done = new java.util.LinkedHashMap<>();
        done.put("action", change.action());
        if (change.title() != null && change.title().fi() != null) {
            done.put("heading", change.title().fi());
        }
        audit.updated(tenant, "consultationSection", section, Map.of(), done);
        if (c.published()) {
            sites.published(tenant.organisation());
        }
        return List.of();
    }

    private static boolean longest(LocalizedText t, int max) {
        return (t.fi() == null || t.fi().length() <= max)
                && (t.sv() == null || t.sv().length() <= max)
                && (t.en() == null || t.en().length() <= max);
    }

    /**
     * Records a consultation run outside Hyte (new when {@code c.id()} is null): the consultation row
     * with its title, dates and summary (as its intro), and where it ran. Residents never answer it
     * here; its themes are answered in "you said, we did" like any other's.
     */
    public UUID recordOutside(Tenant tenant, Consultation c, Consultation.Outside outside) {
        tenant.require(Role.COORDINATOR);
        UUID id = c.id();
        if (id == null) {
            id = UUID.randomUUID();
            consultations.insert(new Consultation(
                    id,
                    tenant.organisation(),
                    c.planId(),
                    c.title(),
                    c.intro(),
                    c.opensAt(),
                    c.closesAt(),
                    "POST",
                    false,
                    List.of(),
                    0));
            consultations.saveOutside(tenant.organisation(), id, outside);
            if (c.published() && !consultations.update(withId(c, id, 0))) {
                throw new ConcurrentChangeException("Consultation");
            }
            audit.created(tenant, "outsideConsultation", id, outsideSummary(c, outside));
        } else {
            Consultation before = consultations
                    .find(tenant.organisation(), id)
                    .orElseThrow(() -> new NotFoundException("Consultation"));
            Consultation.Outside was = consultations
                    .outside(tenant.organisation(), id)
                    .orElseThrow(() -> new NotFoundException("Consultation"));
            if (!consultations.update(c)) {
                throw new ConcurrentChangeException("Consultation");
            }
            consultations.saveOutside(tenant.organisation(), id, outside);
            audit.updated(tenant, "outsideConsultation", id, outsideSummary(before, was), outsideSummary(c, outside));
        }
        sites.published(tenant.organisation());
        return id;
    }

    private static Consultation withId(Consultation c, UUID id, int version) {
        return new Consultation(
                id,
                c.organisation(),
                c.planId(),
                c.title(),
                c.intro(),
                c.opensAt(),
                c.closesAt(),
                "POST",
                c.published(),
                List.of(),
                version);
    }

    private static Map<String, Object> outsideSummary(Consultation c, Consultation.Outside o) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(summary(c));
        // Residents never answer it here, so its moderation (always POST) tells the log nothing.
        m.remove("moderation");
        m.put("service", o.service());
        m.put("url", o.url());
        if (o.participants() != null) {
            m.put("participants", o.participants());
        }
        return m;
    }

    /**
     * A change to a coordinator's own section: SAVE (a new one when {@code section} is null), REMOVE,
     * UP or DOWN.
     */
    public record SectionChange(UUID section, String action, LocalizedText title, LocalizedText text) {}

    private static Map<String, Object> summary(Consultation c) {
        return Map.of(
                "title", String.valueOf(c.title().fi()),
                "opensAt", c.opensAt().toString(),
                "closesAt", c.closesAt().toString(),
                "moderation", c.moderation(),
                "published", c.published());
    }

    /** A part of the draft chosen to be open to comment. */
    public record SectionChoice(String ref, LocalizedText title) {}
}
