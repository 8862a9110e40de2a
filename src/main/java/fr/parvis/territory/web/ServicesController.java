package fr.parvis.territory.web;

import fr.parvis.shared.Ids;
import fr.parvis.shared.web.FormErrors;
import fr.parvis.territory.MunicipalServiceManagement;
import fr.parvis.territory.MunicipalServiceView;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Municipal services of the current collectivité. */
@Controller
class ServicesController {

    private final MunicipalServiceManagement services;

    ServicesController(MunicipalServiceManagement services) {
        this.services = services;
    }

    @GetMapping("/parametres/services")
    String list(Model model) {
        model.addAttribute("form", new ServiceForm());
        return renderList(model);
    }

    @PostMapping("/parametres/services")
    String create(@ModelAttribute("form") ServiceForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Actors.require(Permission.SERVICES_MANAGE);
        try {
            MunicipalServiceView created = services.create(form.toDraft());
            redirect.addFlashAttribute("flash", "services.created");
            redirect.addFlashAttribute("flashArgs", new Object[] {created.name()});
            return "redirect:/parametres/services";
        } catch (RuntimeException e) {
            if (!FormErrors.bind(e, result)) {
                throw e;
            }
        }
        return renderList(model);
    }

    @GetMapping("/parametres/services/{id}")
    String edit(@PathVariable String id, Model model) {
        MunicipalServiceView service = services.get(Ids.parse(id));
        model.addAttribute("form", ServiceForm.of(service));
        return renderEdit(model, service);
    }

    @PostMapping("/parametres/services/{id}")
    String update(@PathVariable String id, @ModelAttribute("form") ServiceForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        UUID serviceId = Ids.parse(id);
        MunicipalServiceView service = services.get(serviceId);
        try {
            MunicipalServiceView updated = services.update(serviceId, form.toDraft());
            redirect.addFlashAttribute("flash", "services.updated");
            redirect.addFlashAttribute("flashArgs", new Object[] {updated.name()});
            return "redirect:/parametres/services";
        } catch (RuntimeException e) {
            if (!FormErrors.bind(e, result)) {
                throw e;
            }
        }
        return renderEdit(model, service);
    }

    @PostMapping("/parametres/services/{id}/activation")
    String activation(@PathVariable String id, @RequestParam("active") boolean active, RedirectAttributes redirect) {
        MunicipalServiceView service = services.setActive(Ids.parse(id), active);
        redirect.addFlashAttribute("flash", active ? "services.reactivated" : "services.deactivated");
        redirect.addFlashAttribute("flashArgs", new Object[] {service.name()});
        return "redirect:/parametres/services";
    }

    private String renderList(Model model) {
        model.addAttribute("services", services.list());
        model.addAttribute("canManage", Actors.has(Permission.SERVICES_MANAGE));
        return "territory/services";
    }

    private String renderEdit(Model model, MunicipalServiceView service) {
        Actors.require(Permission.SERVICES_MANAGE);
        model.addAttribute("service", service);
        return "territory/service-edit";
    }
}
