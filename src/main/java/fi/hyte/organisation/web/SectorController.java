package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.OrganisationStructure;
import fi.hyte.organisation.domain.Sector;
import fi.hyte.organisation.domain.Sectors;
import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import jakarta.validation.Valid;
import java.util.UUID;
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

/** The organisation's sectors. */
@Controller
@RequestMapping("/sectors")
class SectorController {

    private final Sectors sectors;
    private final OrganisationStructure structure;
    private final AuditLog audit;

    SectorController(Sectors sectors, OrganisationStructure structure, AuditLog audit) {
        this.sectors = sectors;
        this.structure = structure;
        this.audit = audit;
    }

    @GetMapping
    String list(Tenant tenant, Model model) {
        return listPage(tenant, model, SectorForm.empty());
    }

    @PostMapping
    String create(
            Tenant tenant,
            @Valid @ModelAttribute("form") SectorForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        if (errors.hasErrors()) {
            return listPage(tenant, model, form);
        }
        structure.saveSector(tenant, form.toSector(null));
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/sectors";
    }

    @GetMapping("/{id}")
    String edit(Tenant tenant, @PathVariable UUID id, Model model) {
        Sector sector = find(tenant, id);
        return editPage(tenant, model, sector, SectorForm.of(sector));
    }

    @PostMapping("/{id}")
    String update(
            Tenant tenant,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") SectorForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        tenant.require(Role.COORDINATOR);
        Sector sector = find(tenant, id);
        if (errors.hasErrors()) {
            return editPage(tenant, model, sector, form);
        }
        try {
            structure.saveSector(tenant, form.toSector(id));
        } catch (ConcurrentChangeException e) {
            Sector now = find(tenant, id);
            Conflicts.show(model, audit, tenant, "sector", id, now);
            return editPage(tenant, model, now, form.withVersion(now.version()));
        }
        redirect.addFlashAttribute("notice", "saved");
        return "redirect:/sectors";
    }

    @PostMapping("/{id}/delete")
    String delete(Tenant tenant, @PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            structure.deleteSector(tenant, id, version);
            redirect.addFlashAttribute("notice", "deleted");
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("problem", "conflict.deleteRefused");
        }
        return "redirect:/sectors";
    }

    private Sector find(Tenant tenant, UUID id) {
        return sectors.find(tenant.organisation(), id).orElseThrow(() -> new NotFoundException("sector"));
    }

    private String listPage(Tenant tenant, Model model, SectorForm form) {
        model.addAttribute("sectors", sectors.of(tenant.organisation()));
        model.addAttribute("form", form);
        model.addAttribute("canEdit", tenant.can(Role.COORDINATOR));
        return "organisation/sectors";
    }

    private String editPage(Tenant tenant, Model model, Sector sector, SectorForm form) {
        tenant.require(Role.COORDINATOR);
        model.addAttribute("sector", sector);
        model.addAttribute("form", form);
        return "organisation/sector";
    }
}
