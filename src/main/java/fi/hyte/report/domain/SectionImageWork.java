package fi.hyte.report.domain;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Tenant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pictures in a section, each change in one transaction with its audit record: upload (checked and
 * re-encoded by {@link Pictures}), replace, texts, order and removal. Only a draft or a report in
 * review can change, by those who may write the section.
 */
@Service
@Transactional
public class SectionImageWork {

    static final int MAX_ALT = 400;
    static final int MAX_CAPTION = 500;
    static final int MAX_CREDIT = 300;

    private final ReportWork work;
    private final SectionImages images;
    private final AuditLog audit;

    SectionImageWork(ReportWork work, SectionImages images, AuditLog audit) {
        this.work = work;
        this.images = images;
        this.audit = audit;
    }

    /** What a writer says of a picture: its alternative text (Finnish required), caption and credit. */
    public record ImageTexts(LocalizedText alt, LocalizedText caption, String credit) {}

    public UUID upload(Tenant tenant, UUID reportId, UUID sectionId, byte[] file, ImageTexts texts) {
        Section s = writable(tenant, reportId, sectionId);
        check(texts);
        Pictures.Checked c = Pictures.check(file);
        SectionImage image = new SectionImage(
                UUID.randomUUID(),
                reportId,
                s.id(),
                0,
                c.mediaType(),
                c.data(),
                c.sha256(),
                c.width(),
                c.height(),
                texts.alt(),
                texts.caption(),
                blankToNull(texts.credit()),
                0,
                0);
        images.insert(tenant.organisation(), image);
        SectionImage stored = images.find(tenant.organisation(), image.id()).orElseThrow();
        audit.created(tenant, "report_image", image.id(), state(stored));
        return image.id();
    }

    /** Another file in the picture's place; its texts stay. */
    public void replace(Tenant tenant, UUID reportId, UUID imageId, byte[] file, int version) {
        SectionImage before = image(tenant, reportId, imageId);
        writable(tenant, reportId, before.sectionId());
        Pictures.Checked c = Pictures.check(file);
        if (images.replaceData(tenant.organisation(), imageId, c, version) == 0) {
            throw new ConcurrentChangeException("image");
        }
        SectionImage after = images.find(tenant.organisation(), imageId).orElseThrow();
        audit.updated(tenant, "report_image", imageId, state(before), state(after));
    }

    public void saveTexts(Tenant tenant, UUID reportId, UUID imageId, ImageTexts texts, int version) {
        SectionImage before = image(tenant, reportId, imageId);
        writable(tenant, reportId, before.sectionId());
        check(texts);
        if (images.updateTexts(
                        tenant.organisation(),
                        imageId,
                        texts.alt(),
                        texts.caption(),
                        blankToNull(texts.credit()),
                        version)
                == 0) {
            throw new ConcurrentChangeException("image");
        }
        SectionImage after = images.find(tenant.organisation(), imageId).orElseThrow();
        audit.updated(tenant, "report_image", imageId, state(before), state(after));
    }

    /** One place up (step −1) or down (+1) among the section's pictures. */
    public void move(Tenant tenant, UUID reportId, UUID imageId, int step) {
        SectionImage image = image(tenant, reportId, imageId);
        writable(tenant, reportId, image.sectionId());
        List<SectionImage> all = new ArrayList<>(images.ofSection(tenant.organisation(), image.sectionId()));
        int at = indexOf(all, imageId);
        int to = Math.max(0, Math.min(all.size() - 1, at + Integer.signum(step)));
        if (to == at) {
            return;
        }
        all.add(to, all.remove(at));
        for (int i = 0; i < all.size(); i++) {
            images.position(tenant.organisation(), all.get(i).id(), i);
        }
        audit.updated(tenant, "report_image", imageId, Map.of("position", at + 1), Map.of("position", to + 1));
    }

    public void delete(Tenant tenant, UUID reportId, UUID imageId) {
        SectionImage image = image(tenant, reportId, imageId);
        writable(tenant, reportId, image.sectionId());
        images.delete(tenant.organisation(), imageId);
        audit.deleted(tenant, "report_image", imageId, state(image));
    }

    private SectionImage image(Tenant tenant, UUID reportId, UUID imageId) {
        return images.find(tenant.organisation(), imageId)
                .filter(i -> i.reportId().equals(reportId))
                .orElseThrow(() -> new NotFoundException("image"));
    }

    private Section writable(Tenant tenant, UUID reportId, UUID sectionId) {
        Section s = work.section(tenant, reportId, sectionId);
        work.editable(tenant, reportId);
        if (!work.canWrite(tenant, s)) {
            throw new AccessDeniedException("section");
        }
        return s;
    }

    private static void check(ImageTexts t) {
        if (t.alt().fi() == null) {
            throw new ReportProblem("report.image.problem.altFi");
        }
        if (longer(t.alt(), MAX_ALT)) {
            throw new ReportProblem("report.image.problem.altLong", String.valueOf(MAX_ALT));
        }
        if (longer(t.caption(), MAX_CAPTION)
                || (t.credit() != null && t.credit().length() > MAX_CREDIT)) {
            throw new ReportProblem("report.image.problem.captionLong", String.valueOf(MAX_CAPTION));
        }
    }

    private static boolean longer(LocalizedText t, int max) {
        return (t.fi() != null && t.fi().length() > max)
                || (t.sv() != null && t.sv().length() > max)
                || (t.en() != null && t.en().length() > max);
    }

    private static int indexOf(List<SectionImage> all, UUID id) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new NotFoundException("image");
    }

    private static Map<String, Object> state(SectionImage i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("section", i.sectionId());
        m.put("number", i.number());
        m.put("mediaType", i.mediaType());
        m.put("sha256", i.sha256());
        m.put("size", i.width() + "×" + i.height());
        m.put("altFi", i.alt().fi());
        m.put("altSv", i.alt().sv());
        m.put("altEn", i.alt().en());
        m.put("captionFi", i.caption().fi());
        m.put("credit", i.credit());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
