package fi.hyte.indicator.web;

import fi.hyte.indicator.IndicatorSettings;
import fi.hyte.indicator.domain.Imports;
import fi.hyte.indicator.domain.ValueImport;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * File import for automation ({@code POST /api/v1/indicator-imports}, a multipart file, a personal
 * API token): checked and loaded in one go, all or nothing; problems come back with line numbers in
 * the caller's language (Accept-Language). Rows of a Sotkanet file for regions Hyte's list lacks are
 * skipped, counted and named, as the page's preview says.
 */
@RestController
@RequestMapping("/api/v1/indicator-imports")
class ImportApi {

    private final Imports imports;
    private final MessageSource messages;
    private final IndicatorSettings settings;

    ImportApi(Imports imports, MessageSource messages, IndicatorSettings settings) {
        this.imports = imports;
        this.messages = messages;
        this.settings = settings;
    }

    record ProblemJson(long line, String code, String message) {}

    record ImportJson(
            boolean accepted,
            String format,
            long rows,
            int indicators,
            int regions,
            Integer firstYear,
            Integer lastYear,
            long added,
            long changed,
            long unchanged,
            long skipped,
            List<Integer> skippedRegions,
            String skippedText,
            long problemCount,
            List<ProblemJson> problems,
            Long batch) {}

    record Refusal(String error, String message) {}

    @PostMapping
    ResponseEntity<?> importFile(Tenant tenant, @RequestParam(required = false) MultipartFile file, Locale locale)
            throws IOException {
        tenant.require(Role.COORDINATOR);
        if (file == null || file.isEmpty()) {
            return refuse(HttpStatus.BAD_REQUEST, "no_file", "indicator.problem.noFile", locale);
        }
        if (file.getSize() > settings.maxImportBytes()) {
            return refuse(HttpStatus.CONTENT_TOO_LARGE, "too_large", "indicator.imports.tooLarge", locale);
        }
        ValueImport.Result result;
        try {
            result = imports.importNow(tenant, file.getOriginalFilename(), file.getBytes());
        } catch (Imports.JobRunningException e) {
            return refuse(HttpStatus.CONFLICT, "running", "indicator.imports.running", locale);
        }
        if (result == null) {
            return refuse(HttpStatus.INTERNAL_SERVER_ERROR, "failed", "indicator.upload.failed", locale);
        }
        ImportJson body = new ImportJson(
                result.accepted(),
                result.format() == null ? null : result.format().name(),
                result.rows(),
                result.indicators(),
                result.regions(),
                result.firstYear(),
                result.lastYear(),
                result.added(),
                result.changed(),
                result.unchanged(),
                result.skipped(),
                result.skippedRegions(),
                ImportController.skippedRegions(result, messages, locale),
                result.problemCount(),
                result.problems().stream()
                        .map(p -> new ProblemJson(p.row(), p.code(), p.text(messages, locale)))
                        .toList(),
                result.batchId());
        return ResponseEntity.status(result.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(body);
    }

    private ResponseEntity<Refusal> refuse(HttpStatus status, String error, String key, Locale locale) {
        return ResponseEntity.status(status).body(new Refusal(error, messages.getMessage(key, null, locale)));
    }
}
