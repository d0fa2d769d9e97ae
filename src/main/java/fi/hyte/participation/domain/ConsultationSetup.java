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
