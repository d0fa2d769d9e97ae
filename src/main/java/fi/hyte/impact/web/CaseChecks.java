package fi.hyte.impact.web;

import fi.hyte.impact.domain.Templates;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/** The checks of a case's details that need the organisation: its bodies, sectors, users and diary format. */
@Component
class CaseChecks {

    private final OrganisationCatalog organisations;
    private final UserAccounts accounts;
    private final Templates templates;

    CaseChecks(OrganisationCatalog organisations, UserAccounts accounts, Templates templates) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.templates = templates;
    }

    void validate(Tenant tenant, CaseForm form, Errors errors) {
        if (form.bodyId() != null
                && organisations.bodies(tenant.organisation()).stream().noneMatch(b -> b.id().equals(form.bodyId()))) {
            errors.rejectValue("bodyId", "impact.validation.body");
        }
        if (form.sectorId() != null
                && organisations.sectors(tenant.organisation()).stream()
                        .noneMatch(s -> s.id().equals(form.sectorId()))) {
            errors.rejectValue("sectorId", "impact.validation.sector");
        }
        List<UUID> members = accounts.members(tenant.organisation()).stream()
                .map(m -> m.id().value())
                .toList();
        if (form.preparers().isEmpty()) {
            errors.rejectValue("preparers", "impact.validation.preparer");
        } else if (!members.containsAll(form.preparers())) {
            errors.rejectValue("preparers", "impact.validation.preparerUnknown");
        }
        if (!Numbers.isWebLink(form.caseUrl())) {
            errors.rejectValue("caseUrl", "impact.validation.link");
        }
        if (form.startsOn() != null
                && form.meetingOn() != null
                && form.meetingOn().isBefore(form.startsOn())) {
            errors.rejectValue("meetingOn", "impact.validation.meetingBeforeStart");
        }
        if (form.startsOn() != null
                && form.assessmentDue() != null
                && form.assessmentDue().isBefore(form.startsOn())) {
            errors.rejectValue("assessmentDue", "impact.validation.dueBeforeStart");
        }
        String pattern = templates.latest(tenant.organisation()).content().diaryPattern();
        if (pattern != null && form.diaryNumber() != null && !form.diaryNumber().isBlank()) {
            try {
                if (!Pattern.compile(pattern)
                        .matcher(form.diaryNumber().strip())
                        .matches()) {
                    errors.rejectValue("diaryNumber", "impact.validation.diaryFormat", new Object[] {pattern}, null);
                }
            } catch (PatternSyntaxException ignored) {
                // A pattern the organisation mistyped checks nothing rather than refusing every case.
            }
        }
    }
}
