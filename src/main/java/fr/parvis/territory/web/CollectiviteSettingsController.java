package fr.parvis.territory.web;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.Ids;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.web.FormErrors;
import fr.parvis.territory.BrandColors;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.CollectiviteType;
import fr.parvis.territory.CollectiviteView;
import fr.parvis.territory.LogoImage;
import fr.parvis.territory.Permission;
import fr.parvis.territory.TimeZones;
import fr.parvis.territory.access.Actors;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings of the current collectivité: identity, branding, logo, attached collectivités. */
@Controller
class CollectiviteSettingsController {

    private final CollectiviteManagement collectivites;

    CollectiviteSettingsController(CollectiviteManagement collectivites) {
        this.collectivites = collectivites;
    }

    @GetMapping("/parametres")
    String settings() {
        return "redirect:/parametres/collectivite";
    }

    @GetMapping("/parametres/collectivite")
    String show(Model model) {
        CollectiviteView current = collectivites.current();
        model.addAttribute("form", CollectiviteForm.of(current));
        model.addAttribute("attachedForm", new AttachedCollectiviteForm());
        return render(model, current);
    }

    @PostMapping("/parametres/collectivite")
    String update(@ModelAttribute("form") CollectiviteForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CollectiviteView current = collectivites.current();
        if (!result.hasErrors()) {
            try {
                collectivites.update(current.id(), form.toSettings());
                redirect.addFlashAttribute("flash", "collectivite.saved");
                return "redirect:/parametres/collectivite";
            } catch (RuntimeException e) {
                if (!FormErrors.bind(e, result)) {
                    throw e;
                }
            }
        }
        model.addAttribute("attachedForm", new AttachedCollectiviteForm());
        return render(model, current);
    }

    @PostMapping("/parametres/collectivite/logo")
    String uploadLogo(@RequestParam("logo") MultipartFile logo, RedirectAttributes redirect) throws IOException {
        CollectiviteView current = collectivites.current();
        try {
            collectivites.changeLogo(current.id(), logo.isEmpty() ? null : logo.getBytes());
            redirect.addFlashAttribute("flash", "collectivite.logo.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("flashArgs", e.arguments());
        }
        return "redirect:/parametres/collectivite";
    }

    @PostMapping("/parametres/collectivite/logo/suppression")
    String removeLogo(RedirectAttributes redirect) {
        collectivites.removeLogo(collectivites.current().id());
        redirect.addFlashAttribute("flash", "collectivite.logo.removed");
        return "redirect:/parametres/collectivite";
    }

    @PostMapping("/parametres/collectivite/rattachees")
    String createAttached(@ModelAttribute("attachedForm") AttachedCollectiviteForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CollectiviteView current = collectivites.current();
        if (!result.hasErrors()) {
            try {
                CollectiviteView created = collectivites.createAttached(form.toNewCollectivite());
                redirect.addFlashAttribute("flash", "collectivite.attached.created");
                redirect.addFlashAttribute("flashArgs", new Object[] {created.name()});
                return "redirect:/parametres/collectivite";
            } catch (RuntimeException e) {
                if (!FormErrors.bind(e, result)) {
                    throw e;
                }
            }
        }
        model.addAttribute("form", CollectiviteForm.of(current));
        model.addAttribute("attachedOpen", true);
        return render(model, current);
    }

    @GetMapping("/collectivites/{id}/logo")
    ResponseEntity<byte[]> logo(@PathVariable String id) {
        LogoImage logo = collectivites.logo(CollectiviteId.of(Ids.parse(id)))
                .orElseThrow(() -> new NotFoundException("collectivite.logo.none"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(logo.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePrivate())
                .eTag(logo.sha256())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'")
                .body(logo.content());
    }

    private String render(Model model, CollectiviteView current) {
        model.addAttribute("collectivite", current);
        model.addAttribute("attached", collectivites.attached());
        model.addAttribute("canEdit", Actors.has(Permission.COLLECTIVITE_EDIT));
        model.addAttribute("timeZones", TimeZones.FRENCH);
        model.addAttribute("attachableTypes", Arrays.stream(CollectiviteType.values())
                .filter(type -> type.allowedParents().contains(current.type())).toList());
        model.addAttribute("maxLogoKb", CollectiviteManagement.MAX_LOGO_BYTES / 1024);
        if (BrandColors.isHexColor(current.primaryColor())) {
            model.addAttribute("contrast", BrandColors.contrastWithWhite(current.primaryColor()));
        }
        return "territory/collectivite";
    }
}
