package fr.parvis.territory.web;

import fr.parvis.shared.web.FormErrors;
import fr.parvis.territory.AccountManagement;
import fr.parvis.territory.AccountView;
import fr.parvis.territory.PasswordPolicy;
import fr.parvis.territory.access.AccessManagement;
import fr.parvis.territory.access.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My account": profile, language, password, and where the agent may act. */
@Controller
class AccountController {

    private final AccountManagement accounts;
    private final AccessManagement access;
    private final LocaleResolver locales;

    AccountController(AccountManagement accounts, AccessManagement access, LocaleResolver locales) {
        this.accounts = accounts;
        this.access = access;
        this.locales = locales;
    }

    @GetMapping("/compte")
    String show(Model model) {
        AccountView me = accounts.me();
        AccountForms.Profile profile = new AccountForms.Profile();
        profile.setDisplayName(me.displayName());
        profile.setLocale(me.locale());
        model.addAttribute("profile", profile);
        model.addAttribute("password", new AccountForms.Password());
        return render(model, me);
    }

    @PostMapping("/compte")
    String updateProfile(@ModelAttribute("profile") AccountForms.Profile profile, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            AccountView updated = accounts.updateProfile(profile.toChanges());
            locales.setLocale(request, response, Locale.forLanguageTag(updated.locale()));
            redirect.addFlashAttribute("flash", "account.saved");
            return "redirect:/compte";
        } catch (RuntimeException e) {
            if (!FormErrors.bind(e, result)) {
                throw e;
            }
        }
        model.addAttribute("password", new AccountForms.Password());
        return render(model, accounts.me());
    }

    @PostMapping("/compte/mot-de-passe")
    String changePassword(@ModelAttribute("password") AccountForms.Password password, BindingResult result,
            Model model, RedirectAttributes redirect) {
        try {
            accounts.changePassword(password.toChange());
            redirect.addFlashAttribute("flash", "account.passwordChanged");
            return "redirect:/compte";
        } catch (RuntimeException e) {
            if (!FormErrors.bind(e, result)) {
                throw e;
            }
        }
        AccountView me = accounts.me();
        AccountForms.Profile profile = new AccountForms.Profile();
        profile.setDisplayName(me.displayName());
        profile.setLocale(me.locale());
        model.addAttribute("profile", profile);
        password.setCurrentPassword(null);
        password.setNewPassword(null);
        password.setConfirmation(null);
        return render(model, me);
    }

    private String render(Model model, AccountView me) {
        model.addAttribute("account", me);
        model.addAttribute("accesses", access.accessible(Actors.requireAgent().userId()));
        model.addAttribute("minPasswordLength", PasswordPolicy.MIN_LENGTH);
        return "territory/account";
    }
}
