package fi.hyte.plan.web;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PlanRoundTrip;
import fi.hyte.plan.domain.PlanWorkbook;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.files.FileProblem;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The plan as a spreadsheet and back: XLSX and CSV exports (whole plan or one sector, for a chosen
 * evaluation year) for everyone who reads the plan, and the import of filled-in status, progress and
 * evaluations for editors and coordinators. The import page shows the result directly: every problem,
 * or what was saved; sending the same file again changes nothing.
 */
@Controller
@RequestMapping("/plan/{plan}")
class PlanExchangeController {

    private final PlanReading reading;
    private final PlanWorkbook workbook;
    private final PlanRoundTrip roundTrip;
    private final PlanEditing editing;
    private final OrganisationCatalog organisations;
    private final MessageSource messages;
    private final long maxBytes;

    PlanExchangeController(
            PlanReading reading,
            PlanWorkbook workbook,
            PlanRoundTrip roundTrip,
            PlanEditing editing,
            OrganisationCatalog organisations,
            MessageSource messages,
            @Value("${hyte.plan.max-import-bytes}") long maxBytes) {
        this.messages = messages;
        this.reading = reading;
        this.workbook = workbook;
        this.roundTrip = roundTrip;
        this.editing = editing;
        this.organisations = organisations;
        this.maxBytes = maxBytes;
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> xlsx(
            Tenant tenant,
            @PathVariable UUID plan,
            @RequestParam(required = false) UUID sector,
            @RequestParam(required = false) Integer year,
            Locale locale) {
        tenant.require(Role.VIEWER);
        return download(workbook.xlsx(tenant.organisation(), plan, sector, year, locale));
    }

    @GetMapping("/export.csv")
    ResponseEntity<byte[]> csv(
            Tenant tenant,
            @PathVariable UUID plan,
            @RequestParam(required = false) UUID sector,
            @RequestParam(required = false) Integer year,
            Locale locale) {
        tenant.require(Role.VIEWER);
        return download(workbook.csv(tenant.organisation(), plan, sector, year, locale));
    }

    @GetMapping("/import")
    String page(Tenant tenant, @PathVariable UUID plan, Locale locale, Model model) {
        tenant.require(Role.VIEWER);
        describe(tenant, plan(tenant, plan), locale, model);
        return "plan/import";
    }

    @PostMapping("/import")
    String upload(
            Tenant tenant,
            @PathVariable UUID plan,
            @RequestParam(required = false) MultipartFile file,
            Locale locale,
            Model model)
            throws IOException {
        Plan found = plan(tenant, plan);
        tenant.require(Role.EDITOR);
        describe(tenant, found, locale, model);
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "planexchange.import.noFile");
            return "plan/import";
        }
        if (file.getSize() > maxBytes) {
            model.addAttribute("problem", "planexchange.import.tooLarge");
            return "plan/import";
        }
        try {
            model.addAttribute("fileName", file.getOriginalFilename());
            PlanRoundTrip.Result result =
                    roundTrip.importFile(tenant, plan, file.getOriginalFilename(), file.getBytes(), locale);
            model.addAttribute("result", result);
            model.addAttribute("problems", FileProblem.shown(result.problems(), messages, locale));
        } catch (ConcurrentChangeException e) {
            model.addAttribute("problem", "planexchange.import.concurrent");
        }
        return "plan/import";
    }

    private Plan plan(Tenant tenant, UUID id) {
        return reading.plans(tenant.organisation()).stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("plan"));
    }

    private void describe(Tenant tenant, Plan plan, Locale locale, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("planTitle", plan.title().in(locale));
        List<OrganisationCatalog.SectorSummary> sectors = organisations.sectors(tenant.organisation()).stream()
                .sorted(Comparator.comparing(s -> s.name().in(locale)))
                .toList();
        model.addAttribute("sectors", sectors);
        model.addAttribute("years", plan.years());
        model.addAttribute("defaultYear", workbook.defaultYear(plan));
        model.addAttribute("canImport", tenant.can(Role.EDITOR));
        model.addAttribute("coordinator", tenant.can(Role.COORDINATOR));
        UUID own =
                tenant.can(Role.COORDINATOR) ? null : editing.ownSector(tenant).orElse(null);
        model.addAttribute(
                "ownSector",
                sectors.stream()
                        .filter(s -> s.id().equals(own))
                        .map(s -> s.name().in(locale))
                        .findFirst()
                        .orElse(null));
        model.addAttribute("maxMegabytes", Math.max(1, maxBytes / (1024 * 1024)));
    }

    private static ResponseEntity<byte[]> download(PlanWorkbook.Export export) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(export.fileName())
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(export.contentType()))
                .body(export.content());
    }
}
