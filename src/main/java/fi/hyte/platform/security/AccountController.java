package fi.hyte.platform.security;

import fi.hyte.platform.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: changing the password. */
@Controller
@RequestMapping("/account/password")
class AccountController {

    private static final String VIEW = "platform/password";

    private final Users users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    private final LoginThrottle throttle;
    private final AccountSessions sessions;

    AccountController(
            Users users, PasswordEncoder passwords, AuditLog audit, LoginThrottle throttle, AccountSessions sessions) {
        this.sessions = sessions;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.throttle = throttle;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", PasswordForm.empty());
        model.addAttribute(
                "mustChange",
                Tenancy.signedIn().map(HyteUser::mustChangePassword).orElse(false));
        return VIEW;
    }

    @PostMapping
    @Transactional
    String change(
            @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        HyteUser user = Tenancy.signedIn().orElseThrow();
        // Throttled like sign-in: the attempt is counted before the hash, and a paused one hashes nothing.
        if (!errors.hasFieldErrors("currentPassword")) {
            if (!throttle.attempt(user.getUsername(), request.getRemoteAddr())) {
                errors.rejectValue("currentPassword", "account.password.paused");
            } else if (!passwords.matches(form.currentPassword(), users.passwordHash(user.id()))) {
                errors.rejectValue("currentPassword", "account.password.wrongCurrent");
            } else {
                throttle.succeeded(user.getUsername(), request.getRemoteAddr());
            }
        }
        if (!errors.hasFieldErrors("newPassword") && !errors.hasFieldErrors("confirmPassword")) {
            if (!form.newPassword().equals(form.confirmPassword())) {
                errors.rejectValue("confirmPassword", "account.password.mismatch");
            } else if (form.newPassword().equalsIgnoreCase(user.getUsername())
                    || form.newPassword().equals(form.currentPassword())) {
                errors.rejectValue("newPassword", "account.password.notNew");
            }
        }
        if (errors.hasErrors()) {
            model.addAttribute("mustChange", user.mustChangePassword());
            return VIEW;
        }
        users.setPassword(user.id(), passwords.encode(form.newPassword()), false);
        audit.system(null, user.id(), user.displayName(), "password", user.id(), "UPDATE", null, null);
        HyteUser changed = user.withPasswordChanged();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        sessions.endOthers(user.getUsername(), request.getSession().getId());
        redirect.addFlashAttribute("notice", "account.password.changed");
        return "redirect:/";
    }
}
