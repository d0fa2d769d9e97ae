package fi.hyte.platform.mail;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.platform.UserId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation's mail for its administrators: the sender, which kinds are sent, who gets the
 * monthly summary, the outbox by kind and status with the last errors, and each message as it was
 * (or, without an SMTP server, would have been) sent.
 */
@Controller
@RequestMapping("/admin/mail")
class MailAdminController {

    private final MailSettings settings;
    private final MailStatus status;
    private final MailDelivery delivery;
    private final MailRuns runs;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final ZoneId zone;

    MailAdminController(
            MailSettings settings,
            MailStatus status,
            MailDelivery delivery,
            MailRuns runs,
            UserAccounts accounts,
            AuditLog audit,
            @Value("${hyte.time-zone}") ZoneId zone) {
        this.settings = settings;
        this.status = status;
        this.delivery = delivery;
        this.runs = runs;
        this.accounts = accounts;
        this.audit = audit;
        this.zone = zone;
    }

    @GetMapping
    String page(Tenant tenant, Model model) {
        tenant.require(Role.ADMIN);
        return page(tenant, model, MailSettingsForm.of(settings.of(tenant.organisation()), management(tenant)));
    }

    @PostMapping("/settings")
    @Transactional
    String save(
            Tenant tenant,
            @ModelAttribute("form") MailSettingsForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.ADMIN);
        form.check(errors);
        Set<UUID> members = accounts.members(tenant.organisation()).stream()
                .map(m -> m.id().value())
                .collect(Collectors.toSet());
        if (!members.containsAll(form.managementOrEmpty())) {
            errors.rejectValue("management", "mail.admin.management.unknown");
        }
        if (errors.hasErrors()) {
            return page(tenant, model, form);
        }
        MailSettings.OrganisationMail before = settings.of(tenant.organisation());
        Set<MailKind> disabled = EnumSet.allOf(MailKind.class);
        disabled.removeAll(form.enabledOrEmpty());
        if (!settings.save(tenant.organisation(), form.address(), form.name(), disabled, form.version())) {
            errors.reject("mail.admin.conflict");
            return page(tenant, model, MailSettingsForm.of(settings.of(tenant.organisation()), management(tenant)));
        }
        List<UserId> beforeManagement = settings.managementRecipients(tenant.organisation());
        List<UserId> management =
                form.managementOrEmpty().stream().map(UserId::new).toList();
        settings.setManagementRecipients(tenant.organisation(), management);
        audit.updated(
                tenant,
                "mailSetting",
                tenant.organisation().value(),
                Map.of("settings", before, "management", beforeManagement),
                Map.of("settings", settings.of(tenant.organisation()), "management", management));
        redirect.addFlashAttribute("notice", "mail.admin.saved");
        return "redirect:/admin/mail";
    }

    /** Builds this week's digests (or this month's summary) now, if not built already. */
    @PostMapping("/run")
    String run(Tenant tenant, @RequestParam(defaultValue = "DIGEST") String kind, RedirectAttributes redirect) {
        tenant.require(Role.ADMIN);
        LocalDate today = LocalDate.now(zone);
        MailRuns.Outcome outcome = "MONTHLY_SUMMARY".equals(kind)
                ? runs.summary(tenant.organisation(), today)
                : runs.digest(tenant.organisation(), today);
        redirect.addFlashAttribute("notice", outcome.alreadyBuilt() ? "mail.admin.run.already" : "mail.admin.run.done");
        return "redirect:/admin/mail";
    }

    @GetMapping("/messages/{id}")
    String message(Tenant tenant, @PathVariable UUID id, Model model) {
        tenant.require(Role.ADMIN);
        model.addAttribute(
                "shown", status.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("mail")));
        model.addAttribute("configured", delivery.configured());
        return "mail/message-view";
    }

    /**
     * The message's HTML part as its recipient's mail program would show it, on a page of its own
     * (an embedded frame would need scripts to be checked for accessibility, and mail has none).
     */
    @GetMapping("/messages/{id}/html")
    org.springframework.http.ResponseEntity<String> messageHtml(Tenant tenant, @PathVariable UUID id) {
        tenant.require(Role.ADMIN);
        var shown = status.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("mail"));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(
                        new org.springframework.http.MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(shown.htmlBody());
    }

    private List<UUID> management(Tenant tenant) {
        return settings.managementRecipients(tenant.organisation()).stream()
                .map(UserId::value)
                .toList();
    }

    private String page(Tenant tenant, Model model, MailSettingsForm form) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", MailKind.values());
        model.addAttribute("members", accounts.members(tenant.organisation()));
        model.addAttribute("counts", status.counts(tenant.organisation()));
        model.addAttribute("recent", status.recent(tenant.organisation(), 50));
        model.addAttribute("errors", status.lastErrors(tenant.organisation(), 10));
        model.addAttribute("configured", delivery.configured());
        return "mail/admin";
    }

    /** The administrators' settings form. */
    record MailSettingsForm(String address, String name, List<MailKind> enabled, List<UUID> management, int version) {

        static MailSettingsForm of(MailSettings.OrganisationMail mail, List<UUID> management) {
            List<MailKind> enabled = new ArrayList<>();
            for (MailKind kind : MailKind.values()) {
                if (mail.sends(kind)) {
                    enabled.add(kind);
                }
            }
            return new MailSettingsForm(mail.senderAddress(), mail.senderName(), enabled, management, mail.version());
        }

        List<MailKind> enabledOrEmpty() {
            return enabled == null ? List.of() : enabled;
        }

        List<UUID> managementOrEmpty() {
            return management == null ? List.of() : management;
        }

        public String address() {
            return address == null || address.isBlank() ? null : address.strip();
        }

        public String name() {
            return name == null || name.isBlank() ? null : name.strip();
        }

        /** Whether a kind is ticked, for the form's checkboxes. */
        public boolean sends(MailKind kind) {
            return enabledOrEmpty().contains(kind);
        }

        public boolean names(UUID user) {
            return managementOrEmpty().contains(user);
        }

        void check(BindingResult errors) {
            if (address() != null && !MailAddresses.valid(address())) {
                errors.rejectValue("address", "mail.admin.address.invalid");
            }
            if (name() != null && (!MailAddresses.safeHeader(name()) || name().length() > 100)) {
                errors.rejectValue("name", "mail.admin.name.invalid");
            }
        }
    }
}
