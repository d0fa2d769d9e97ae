package fi.hyte.indicator.web;

import fi.hyte.indicator.IndicatorSettings;
import fi.hyte.indicator.domain.AgeGroup;
import fi.hyte.indicator.domain.Imports;
import fi.hyte.indicator.domain.Imports.Upload;
import fi.hyte.indicator.domain.Indicator;
import fi.hyte.indicator.domain.IndicatorSets;
import fi.hyte.indicator.domain.Indicators;
import fi.hyte.indicator.domain.Theme;
import fi.hyte.indicator.domain.ValueImport;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.files.FileProblem;
import fi.hyte.platform.jobs.Jobs;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Importing values from files: upload, the checked preview, confirmation, progress and result. */
@Controller
@RequestMapping("/indicators/imports")
class ImportController {

    private final Imports imports;
    private final Jobs jobs;
    private final MessageSource messages;
    private final IndicatorSettings settings;
    private final ImportTemplates templates;
    private final RefreshController refresh;
    private final Indicators indicators;
    private final IndicatorSets sets;
    private final AuditLog audit;

    ImportController(
            Imports imports,
            Jobs jobs,
            MessageSource messages,
            IndicatorSettings settings,
            ImportTemplates templates,
            RefreshController refresh,
            Indicators indicators,
            IndicatorSets sets,
            AuditLog audit) {
        this.refresh = refresh;
        this.indicators = indicators;
        this.sets = sets;
        this.audit = audit;
        this.imports = imports;
        this.jobs = jobs;
        this.messages = messages;
        this.settings = settings;
        this.templates = templates;
    }

    @GetMapping
    String index(Tenant tenant, Locale locale, Model model) {
        tenant.require(Role.COORDINATOR);
        model.addAttribute("uploads", imports.recent(tenant.organisation(), 20));
        model.addAttribute("maxMegabytes", settings.maxImportBytes() / (1024 * 1024));
        model.addAttribute("operator", tenant.operator());
        if (tenant.operator()) {
            refresh.describe(model, locale);
        }
        model.addAttribute(
                "running",
                jobs.running("CHECK", Imports.scope(tenant.organisation())).isPresent()
                        || jobs.running("IMPORT", Imports.scope(tenant.organisation()))
                                .isPresent());
        return "indicator/imports";
    }

    @PostMapping
    String upload(Tenant tenant, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        tenant.require(Role.COORDINATOR);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "indicator.problem.noFile");
            return "redirect:/indicators/imports";
        }
        if (file.getSize() > settings.maxImportBytes()) {
            redirect.addFlashAttribute("problem", "indicator.imports.tooLarge");
            return "redirect:/indicators/imports";
        }
        try {
            UUID id = imports.upload(tenant, file.getOriginalFilename(), file.getBytes());
            return "redirect:/indicators/imports/" + id;
        } catch (Imports.JobRunningException e) {
            redirect.addFlashAttribute("problem", "indicator.imports.running");
            return "redirect:/indicators/imports";
        }
    }

    @GetMapping("/{id}")
    String upload(Tenant tenant, @PathVariable UUID id, Locale locale, Model model) {
        tenant.require(Role.COORDINATOR);
        describe(tenant, id, locale, model);
        return "indicator/upload";
    }

    /** The part of the upload page that htmx polls while a job runs. */
    @GetMapping("/{id}/status")
    String status(Tenant tenant, @PathVariable UUID id, Locale locale, Model model) {
        tenant.require(Role.COORDINATOR);
        describe(tenant, id, locale, model);
        return "indicator/upload :: status";
    }

    @PostMapping("/{id}/confirm")
    String confirm(Tenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Upload upload = imports.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("upload"));
        if (upload.preview() == null || !upload.preview().accepted() || !upload.hasContent()) {
            redirect.addFlashAttribute("problem", "indicator.imports.notReady");
            return "redirect:/indicators/imports/" + id;
        }
        try {
            imports.confirm(tenant, id);
        } catch (Imports.JobRunningException e) {
            redirect.addFlashAttribute("problem", "indicator.imports.running");
        }
        return "redirect:/indicators/imports/" + id;
    }

    /** One click after an import: its indicators that are not in the set yet join it, each audited. */
    @PostMapping("/{id}/set")
    String addToSet(
            Tenant tenant,
            @PathVariable UUID id,
            @RequestParam(required = false) AgeGroup ageGroup,
            @RequestParam(required = false) Theme theme,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Upload upload = imports.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("upload"));
        if (upload.batchId() == null || upload.preview() == null) {
            redirect.addFlashAttribute("problem", "indicator.imports.notReady");
            return "redirect:/indicators/imports/" + id;
        }
        if (ageGroup == null || theme == null) {
            redirect.addFlashAttribute("problem", "indicator.set.incomplete");
            return "redirect:/indicators/imports/" + id;
        }
        var inSet = inSet(tenant);
        for (Indicator indicator :
                indicators.findAll(tenant.organisation(), upload.preview().indicatorIds())) {
            if (!inSet.contains(indicator.id())) {
                sets.put(tenant.organisation(), indicator.id(), ageGroup, theme);
                audit.created(
                        tenant,
                        "indicatorSetItem",
                        indicator.id() + "",
                        Map.of(
                                "indicator",
                                indicator.id(),
                                "title",
                                indicator.title(),
                                "ageGroup",
                                ageGroup,
                                "theme",
                                theme));
            }
        }
        redirect.addFlashAttribute("notice", "indicator.upload.added.toSet");
        return "redirect:/indicators/set";
    }

    @GetMapping("/template.csv")
    ResponseEntity<byte[]> csvTemplate(Locale locale) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hyte-tuontipohja.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(templates.csv(locale));
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> xlsxTemplate(Locale locale) throws IOException {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hyte-tuontipohja.xlsx\"")
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(templates.xlsx(locale));
    }

    private void describe(Tenant tenant, UUID id, Locale locale, Model model) {
        Upload upload = imports.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("upload"));
        Jobs.Job check = upload.checkJob() == null
                ? null
                : jobs.find(tenant.organisation(), upload.checkJob()).orElse(null);
        Jobs.Job load = upload.importJob() == null
                ? null
                : jobs.find(tenant.organisation(), upload.importJob()).orElse(null);
        model.addAttribute("upload", upload);
        model.addAttribute("check", check);
        model.addAttribute("load", load);
        model.addAttribute("running", (check != null && check.running()) || (load != null && load.running()));
        model.addAttribute(
                "problems",
                upload.preview() == null
                        ? List.of()
                        : FileProblem.shown(upload.preview().problems(), messages, locale));
        model.addAttribute(
                "skipped", upload.preview() == null ? null : skippedRegions(upload.preview(), messages, locale));
        Map<Indicator, Boolean> imported = new LinkedHashMap<>();
        if (upload.batchId() != null && upload.preview() != null) {
            var inSet = inSet(tenant);
            indicators.findAll(tenant.organisation(), upload.preview().indicatorIds()).stream()
                    .sorted(java.util.Comparator.comparing(Indicator::id))
                    .forEach(indicator -> imported.put(indicator, inSet.contains(indicator.id())));
        }
        model.addAttribute("imported", imported);
        model.addAttribute(
                "notInSet", imported.values().stream().filter(in -> !in).count());
        model.addAttribute("ageGroups", AgeGroup.values());
        model.addAttribute("themes", Theme.values());
        model.addAttribute(
                "changes",
                upload.batchId() == null ? List.of() : imports.changes(tenant.organisation(), upload.batchId(), 100));
    }

    private java.util.Set<Integer> inSet(Tenant tenant) {
        return sets.of(tenant.organisation()).stream()
                .map(IndicatorSets.Item::indicatorId)
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The rows skipped for regions Hyte's list lacks, as the preview, the result and the API say it
     * (e.g. "3 rows for regions not in Hyte's region list: 455, 456, 730"); null when none were.
     */
    static String skippedRegions(ValueImport.Result result, MessageSource messages, Locale locale) {
        if (result.skipped() == 0) {
            return null;
        }
        List<Integer> regions = result.skippedRegions() == null ? List.of() : result.skippedRegions();
        String listed = String.join(", ", regions.stream().map(String::valueOf).toList())
                + (regions.size() >= ValueImport.LISTED_REGIONS ? ", …" : "");
        return messages.getMessage("indicator.upload.skippedRegions", new Object[] {result.skipped(), listed}, locale);
    }
}
