package fi.hyte.report.web;

import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Tenant;
import fi.hyte.report.domain.ReportProblem;
import fi.hyte.report.domain.SectionImage;
import fi.hyte.report.domain.SectionImageWork;
import fi.hyte.report.domain.SectionImages;
import java.io.IOException;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pictures of a section: upload (a plain multipart form, no JavaScript), replace, texts, order and
 * removal. A refusal goes back to the section page with the field it concerns and the texts typed.
 */
@Controller
@RequestMapping("/reports/{id}")
class SectionImageController {

    private final SectionImageWork work;
    private final SectionImages images;
    private final MessageSource messages;

    SectionImageController(SectionImageWork work, SectionImages images, MessageSource messages) {
        this.work = work;
        this.images = images;
        this.messages = messages;
    }

    /** The texts of a picture as its form sends them. */
    record ImageForm(
            String altFi,
            String altSv,
            String altEn,
            String captionFi,
            String captionSv,
            String captionEn,
            String credit,
            Integer version)
            implements java.io.Serializable {

        SectionImageWork.ImageTexts texts() {
            return new SectionImageWork.ImageTexts(
                    new LocalizedText(altFi, altSv, altEn), new LocalizedText(captionFi, captionSv, captionEn), credit);
        }
    }

    /** A refused picture form: which form (null for the upload), the field, the message and what was typed. */
    record ImageRefusal(UUID image, String field, String message, ImageForm form) implements java.io.Serializable {}

    @PostMapping("/sections/{section}/images")
    String upload(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID section,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @ModelAttribute ImageForm form,
            RedirectAttributes redirect) {
        String back = "redirect:/reports/" + id + "/sections/" + section + "#images";
        try {
            work.upload(tenant, id, section, bytes(file), form.texts());
            redirect.addFlashAttribute("notice", "report.image.added");
        } catch (ReportProblem p) {
            redirect.addFlashAttribute("imageRefusal", refusal(null, p, form));
        }
        return back;
    }

    @PostMapping("/images/{image}")
    String saveTexts(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID image,
            @ModelAttribute ImageForm form,
            RedirectAttributes redirect) {
        SectionImage i = find(tenant, id, image);
        try {
            work.saveTexts(tenant, id, image, form.texts(), form.version() == null ? -1 : form.version());
            redirect.addFlashAttribute("notice", "report.image.saved");
        } catch (ReportProblem p) {
            redirect.addFlashAttribute("imageRefusal", refusal(image, p, form));
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute(
                    "imageRefusal", new ImageRefusal(image, "altFi", msg("report.image.conflict"), form));
        }
        return back(i);
    }

    @PostMapping("/images/{image}/file")
    String replace(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID image,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        SectionImage i = find(tenant, id, image);
        try {
            work.replace(tenant, id, image, bytes(file), version);
            redirect.addFlashAttribute("notice", "report.image.replaced");
        } catch (ReportProblem p) {
            redirect.addFlashAttribute(
                    "imageRefusal", new ImageRefusal(image, "image-" + image + "-file", text(p), null));
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute(
                    "imageRefusal",
                    new ImageRefusal(image, "image-" + image + "-file", msg("report.image.conflict"), null));
        }
        return back(i);
    }

    @PostMapping("/images/{image}/move")
    String move(
            Tenant tenant,
            @PathVariable UUID id,
            @PathVariable UUID image,
            @RequestParam(defaultValue = "0") int step,
            RedirectAttributes redirect) {
        SectionImage i = find(tenant, id, image);
        try {
            work.move(tenant, id, image, step);
        } catch (ReportProblem p) {
            redirect.addFlashAttribute("problemText", text(p));
        }
        return back(i);
    }

    @PostMapping("/images/{image}/delete")
    String delete(Tenant tenant, @PathVariable UUID id, @PathVariable UUID image, RedirectAttributes redirect) {
        SectionImage i = find(tenant, id, image);
        try {
            work.delete(tenant, id, image);
            redirect.addFlashAttribute("notice", "report.image.deleted");
        } catch (ReportProblem p) {
            redirect.addFlashAttribute("problemText", text(p));
        }
        return back(i);
    }

    private SectionImage find(Tenant tenant, UUID report, UUID image) {
        return images.find(tenant.organisation(), image)
                .filter(i -> i.reportId().equals(report))
                .orElseThrow(() -> new NotFoundException("image"));
    }

    private static String back(SectionImage i) {
        return "redirect:/reports/" + i.reportId() + "/sections/" + i.sectionId() + "#image-" + i.id();
    }

    private static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return new byte[0];
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new ReportProblem("report.image.problem.unreadable");
        }
    }

    private ImageRefusal refusal(UUID image, ReportProblem p, ImageForm form) {
        String prefix = image == null ? "image-" : "image-" + image + "-";
        String field = switch (p.key()) {
            case "report.image.problem.altFi", "report.image.problem.altLong" -> prefix + "altFi";
            case "report.image.problem.captionLong" -> prefix + "captionFi";
            default -> prefix + "file";
        };
        return new ImageRefusal(image, field, text(p), form);
    }

    private String text(ReportProblem p) {
        return messages.getMessage(p.key(), p.args(), LocaleContextHolder.getLocale());
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
