package fi.hyte.platform.mail;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.Tenant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own mail settings in their current organisation: the language and the kinds they get. */
@Controller
@RequestMapping("/account/mail")
class MailAccountController {

    static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    private final MailSettings settings;
    private final AuditLog audit;

    MailAccountController(MailSettings settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    @GetMapping
    String page(Tenant tenant, Model model) {
        MailSettings.Recipient me = settings.recipient(tenant.organisation(), tenant.user())
                .orElseThrow(() -> new fi.hyte.platform.NotFoundException("recipient"));
        List<MailKind> wanted = new ArrayList<>();
        for (MailKind kind : MailKind.values()) {
            if (me.wants(kind)) {
                wanted.add(kind);
            }
        }
        model.addAttribute("form", new PreferenceForm(me.language(), wanted));
        model.addAttribute("me", me);
        model.addAttribute("validAddress", MailAddresses.valid(me.email()));
        model.addAttribute(
                "kinds",
                java.util.Arrays.stream(MailKind.values())
                        .filter(k -> !k.toResidents())
                        .toList());
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("organisationOff", offByOrganisation(tenant));
        return "mail/account";
    }

    @PostMapping
    @Transactional
    String save(Tenant tenant, @ModelAttribute("form") PreferenceForm form, RedirectAttributes redirect) {
        MailSettings.Recipient before = settings.recipient(tenant.organisation(), tenant.user())
                .orElseThrow(() -> new fi.hyte.platform.NotFoundException("recipient"));
        String language = LANGUAGES.contains(form.language()) ? form.language() : before.language();
        settings.setLanguage(tenant.user(), language);
        Set<MailKind> wanted = EnumSet.noneOf(MailKind.class);
        wanted.addAll(form.wantedOrEmpty());
        for (MailKind kind : MailKind.values()) {
            if (kind.toResidents()) {
                continue;
            }
            if (wanted.contains(kind)) {
                settings.optIn(tenant.organisation(), tenant.user(), kind);
            } else {
                settings.optOut(tenant.organisation(), tenant.user(), kind);
            }
        }
        MailSettings.Recipient after =
                settings.recipient(tenant.organisation(), tenant.user()).orElseThrow();
        audit.updated(
                tenant,
                "mailPreference",
                tenant.user().value(),
                Map.of("language", before.language(), "optedOut", before.optedOut()),
                Map.of("language", after.language(), "optedOut", after.optedOut()));
        redirect.addFlashAttribute("notice", "mail.account.saved");
        return "redirect:/account/mail";
    }

    private Set<MailKind> offByOrganisation(Tenant tenant) {
        return settings.of(tenant.organisation()).disabled();
    }

    /** The person's choices. */
    record PreferenceForm(String language, List<MailKind> wanted) {

        List<MailKind> wantedOrEmpty() {
            return wanted == null ? List.of() : wanted;
        }

        public boolean wants(MailKind kind) {
            return wantedOrEmpty().contains(kind);
        }
    }
}
