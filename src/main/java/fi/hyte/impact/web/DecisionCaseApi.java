package fi.hyte.impact.web;

import fi.hyte.impact.domain.Assessment;
import fi.hyte.impact.domain.CaseReading;
import fi.hyte.impact.domain.DecisionText;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.impact.domain.Preparation.DuplicateDiaryNumberException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decision cases for case-management systems, with a personal API token: open a case
 * ({@code POST /api/v1/decision-cases}) and read the decision text's impact summary
 * ({@code GET /api/v1/decision-cases/{id}/summary?lang=fi|sv}). The same checks as the page;
 * refusals are JSON in the caller's language (Accept-Language).
 */
@RestController
@RequestMapping("/api/v1/decision-cases")
class DecisionCaseApi {

    private final Preparation preparation;
    private final CaseReading assessments;
    private final DecisionText text;
    private final CaseChecks checks;
    private final SmartValidator validator;
    private final MessageSource messages;
    private final JsonMapper json;

    DecisionCaseApi(
            Preparation preparation,
            CaseReading assessments,
            DecisionText text,
            CaseChecks checks,
            SmartValidator validator,
            MessageSource messages,
            JsonMapper json) {
        this.preparation = preparation;
        this.assessments = assessments;
        this.text = text;
        this.checks = checks;
        this.validator = validator;
        this.messages = messages;
        this.json = json;
    }

    record Problem(String field, String message) {}

    record Refusal(String error, String message, List<Problem> problems, UUID existing) {}

    record Created(UUID id, String status, String url) {}

    record Summary(
            UUID id,
            String title,
            String status,
            String need,
            String language,
            String summary,
            boolean edited,
            int length) {}

    @PostMapping
    ResponseEntity<?> create(
            Tenant tenant, @RequestBody(required = false) String body, Locale locale, HttpServletRequest request) {
        tenant.require(Role.EDITOR);
        CaseForm form;
        List<Problem> problems = new ArrayList<>();
        try {
            JsonNode node = json.readTree(body == null || body.isBlank() ? "{}" : body);
            if (!node.isObject()) {
                return refuse(HttpStatus.BAD_REQUEST, "malformed", "impact.api.invalid", locale, List.of(), null);
            }
            List<UUID> preparers = new ArrayList<>();
            if (node.has("preparers") && node.get("preparers").isArray()) {
                for (JsonNode p : node.get("preparers")) {
                    preparers.add(uuid(p.asString(), "preparers", problems, locale));
                }
            }
            if (preparers.isEmpty() && tenant.user() != null) {
                preparers.add(tenant.user().value());
            }
            form = new CaseForm(
                    string(node, "titleFi"),
                    string(node, "titleSv"),
                    string(node, "descriptionFi"),
                    string(node, "descriptionSv"),
                    uuid(string(node, "bodyId"), "bodyId", problems, locale),
                    uuid(string(node, "sectorId"), "sectorId", problems, locale),
                    preparers.stream().filter(java.util.Objects::nonNull).toList(),
                    string(node, "diaryNumber"),
                    string(node, "caseUrl"),
                    date(node, "startsOn", problems, locale),
                    date(node, "assessmentDue", problems, locale),
                    date(node, "meetingOn", problems, locale),
                    0);
        } catch (JacksonException e) {
            return refuse(HttpStatus.BAD_REQUEST, "malformed", "impact.api.invalid", locale, List.of(), null);
        }
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        validator.validate(form, errors);
        checks.validate(tenant, form, errors);
        errors.getFieldErrors().forEach(e -> problems.add(new Problem(e.getField(), messages.getMessage(e, locale))));
        if (!problems.isEmpty()) {
            return refuse(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "impact.api.invalid", locale, problems, null);
        }
        try {
            UUID id = preparation.create(tenant, DecisionCaseController.details(null, form), false);
            String url = "/impact/cases/" + id;
            return ResponseEntity.created(URI.create(url)).body(new Created(id, "DRAFT", url));
        } catch (DuplicateDiaryNumberException e) {
            return refuse(
                    HttpStatus.CONFLICT,
                    "duplicate",
                    "impact.validation.diaryTaken",
                    locale,
                    List.of(new Problem(
                            "diaryNumber", messages.getMessage("impact.validation.diaryTaken", null, locale))),
                    e.existing().id());
        }
    }

    @GetMapping("/{id}/summary")
    ResponseEntity<?> summary(
            Tenant tenant, @PathVariable UUID id, @RequestParam(defaultValue = "fi") String lang, Locale locale) {
        Assessment a = assessments.of(tenant, id);
        if (!List.of("fi", "sv", "en").contains(lang)) {
            return refuse(
                    HttpStatus.BAD_REQUEST,
                    "language",
                    "impact.validation.choice",
                    locale,
                    List.of(new Problem("lang", messages.getMessage("impact.validation.choice", null, locale))),
                    null);
        }
        Locale language = Locale.forLanguageTag(lang);
        String summary = text.current(a, assessments.crossCheck(tenant, a), language);
        boolean edited = switch (lang) {
            case "fi" -> a.decisionCase().summaryFi() != null;
            case "sv" -> a.decisionCase().summarySv() != null;
            default -> false;
        };
        return ResponseEntity.ok(new Summary(
                id,
                a.decisionCase().title().in(language),
                a.decisionCase().status().name(),
                a.decisionCase().need() == null ? null : a.decisionCase().need().name(),
                lang,
                summary,
                edited,
                summary.length()));
    }

    private ResponseEntity<Refusal> refuse(
            HttpStatus status, String error, String key, Locale locale, List<Problem> problems, UUID existing) {
        return ResponseEntity.status(status)
                .body(new Refusal(error, messages.getMessage(key, null, locale), problems, existing));
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private UUID uuid(String text, String field, List<Problem> problems, Locale locale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(field, messages.getMessage("impact.validation.choice", null, locale)));
            return null;
        }
    }

    private LocalDate date(JsonNode node, String field, List<Problem> problems, Locale locale) {
        String value = string(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, messages.getMessage("validation.date", null, locale)));
            return null;
        }
    }
}
