package fi.hyte.platform.mail;

import fi.hyte.platform.AuditLog;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unsubscribe link of a message, without signing in. Opening it (GET) only asks: link checkers
 * and mail scanners open links. The POST unsubscribes, whether from the page's button or from a
 * mail client's one-click request ({@code List-Unsubscribe=One-Click}, RFC 8058).
 */
@Controller
@RequestMapping("/mail/unsubscribe")
class UnsubscribeController {

    private final UnsubscribeTokens tokens;
    private final MailSettings settings;
    private final AuditLog audit;

    UnsubscribeController(UnsubscribeTokens tokens, MailSettings settings, AuditLog audit) {
        this.tokens = tokens;
        this.settings = settings;
        this.audit = audit;
    }

    @GetMapping
    String ask(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<UnsubscribeTokens.Subject> subject = tokens.read(token);
        if (subject.isEmpty()) {
            return invalid(model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("kind", subject.get().kind());
        return "mail/unsubscribe";
    }

    @PostMapping
    @Transactional
    String unsubscribe(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<UnsubscribeTokens.Subject> read = tokens.read(token);
        if (read.isEmpty()) {
            return invalid(model, response);
        }
        UnsubscribeTokens.Subject subject = read.get();
        Optional<MailSettings.Recipient> recipient = settings.recipient(subject.organisation(), subject.user());
        if (recipient.isPresent() && settings.optOut(subject.organisation(), subject.user(), subject.kind())) {
            audit.system(
                    subject.organisation(),
                    subject.user(),
                    recipient.get().name(),
                    "mailPreference",
                    subject.user().value(),
                    "UPDATE",
                    Map.of("optedOut", recipient.get().optedOut()),
                    Map.of("unsubscribed", subject.kind()));
        }
        model.addAttribute("kind", subject.kind());
        model.addAttribute("done", true);
        return "mail/unsubscribe";
    }

    private static String invalid(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("invalid", true);
        return "mail/unsubscribe";
    }
}
