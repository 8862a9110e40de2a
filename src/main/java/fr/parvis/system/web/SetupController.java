package fr.parvis.system.web;

import fr.parvis.shared.NotFoundException;
import fr.parvis.system.setup.FirstRunSetup;
import fr.parvis.shared.web.FormErrors;
import fr.parvis.territory.CollectiviteSettings;
import fr.parvis.territory.CollectiviteType;
import fr.parvis.territory.NewCollectivite;
import fr.parvis.territory.NewMember;
import fr.parvis.territory.Role;
import fr.parvis.territory.TimeZones;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The first-run set-up page; answers 404 once a collectivité exists. */
@Controller
class SetupController {

    private final FirstRunSetup setup;

    SetupController(FirstRunSetup setup) {
        this.setup = setup;
    }

    @GetMapping("/installation")
    String form(@RequestParam(name = "code", required = false) String code, Model model) {
        requireOpen();
        SetupForm form = new SetupForm();
        form.setCode(code);
        model.addAttribute("form", form);
        model.addAttribute("types", CollectiviteType.values());
        return "system/setup";
    }

    @PostMapping("/installation")
    String install(@ModelAttribute("form") SetupForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        requireOpen();
        model.addAttribute("types", CollectiviteType.values());
        if (!setup.codeMatches(form.getCode())) {
            result.rejectValue("code", "setup.code.invalid");
            return "system/setup";
        }
        if (result.hasErrors()) {
            return "system/setup";
        }
        try {
            setup.install(new NewCollectivite(form.getType(), new CollectiviteSettings(form.getName(), null,
                    form.getOfficialCode(), null, form.getPopulation(), null, null, TimeZones.DEFAULT)),
                    new NewMember(form.getEmail(), form.getDisplayName(), Role.ADMIN, form.getPassword()),
                    form.getPasswordConfirmation());
        } catch (RuntimeException e) {
            if (!FormErrors.bind(e, result)) {
                throw e;
            }
            return "system/setup";
        }
        redirect.addFlashAttribute("flash", "setup.done");
        return "redirect:/connexion";
    }

    private void requireOpen() {
        if (!setup.open()) {
            throw new NotFoundException("error.notFound.generic");
        }
    }
}
