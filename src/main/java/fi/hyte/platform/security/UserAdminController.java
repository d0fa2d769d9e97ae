package fi.hyte.platform.security;

import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserId;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation's users and their roles, for its administrators. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private static final String VIEW = "platform/users";

    private final Users users;
    private final UserAdministration administration;

    UserAdminController(Users users, UserAdministration administration) {
        this.users = users;
        this.administration = administration;
    }

    @GetMapping
    String list(Tenant tenant, Model model) {
        tenant.require(Role.ADMIN);
        return page(tenant, model, NewUserForm.empty());
    }

    @PostMapping
    String add(
            Tenant tenant,
            @Valid @ModelAttribute("form") NewUserForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        tenant.require(Role.ADMIN);
        if (errors.hasErrors()) {
            return page(tenant, model, form);
        }
        Optional<String> temporary;
        try {
            temporary = administration.add(tenant, form);
        } catch (IllegalStateException e) {
            errors.rejectValue("username", "users.username.taken");
            return page(tenant, model, form);
        }
        // The temporary password is shown in this answer only, never kept in the session table.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("notice", "users.created");
        temporary.ifPresent(password -> {
            model.addAttribute("temporaryPassword", password);
            model.addAttribute("temporaryFor", form.username());
        });
        return page(tenant, model, NewUserForm.empty());
    }

    @PostMapping("/{id}/role")
    String changeRole(Tenant tenant, @PathVariable UUID id, @RequestParam Role role, RedirectAttributes redirect) {
        try {
            administration.changeRole(tenant, new UserId(id), role);
            redirect.addFlashAttribute("notice", "users.roleChanged");
        } catch (UserAdministration.LastAdministratorException e) {
            redirect.addFlashAttribute("problem", "users.lastAdmin");
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/remove")
    String remove(Tenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            administration.remove(tenant, new UserId(id));
            redirect.addFlashAttribute("notice", "users.removed");
        } catch (UserAdministration.LastAdministratorException e) {
            redirect.addFlashAttribute("problem", "users.lastAdmin");
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/password")
    String resetPassword(
            Tenant tenant,
            @PathVariable UUID id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String temporary;
        try {
            temporary = administration.resetPassword(tenant, new UserId(id));
        } catch (UserAdministration.SharedAccountException e) {
            redirect.addFlashAttribute("problem", "users.sharedAccount");
            return "redirect:/admin/users";
        }
        Users.Member member =
                users.member(tenant.organisation(), new UserId(id)).orElseThrow();
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("notice", "users.passwordReset");
        model.addAttribute("temporaryPassword", temporary);
        model.addAttribute("temporaryFor", member.username());
        return page(tenant, model, NewUserForm.empty());
    }

    private String page(Tenant tenant, Model model, NewUserForm form) {
        model.addAttribute("members", users.members(tenant.organisation()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        return VIEW;
    }
}
