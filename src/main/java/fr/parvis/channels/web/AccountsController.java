package fr.parvis.channels.web;

import fr.parvis.channels.AccountHealthView;
import fr.parvis.channels.ChannelPostView;
import fr.parvis.channels.SandboxManagement;
import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.SocialAccountView;
import fr.parvis.channels.SyncReport;
import fr.parvis.channels.calls.AccountCalls;
import fr.parvis.channels.spi.ConnectFlow;
import fr.parvis.channels.spi.ConnectorException;
import fr.parvis.channels.spi.Network;
import fr.parvis.shared.DomainException;
import fr.parvis.shared.Ids;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.web.FormErrors;
import fr.parvis.territory.Permission;
import fr.parvis.territory.access.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The social accounts of the collectivité: list, connection (Sandbox in one click, Bluesky with an
 * app password, Mastodon through the instance's authorisation page), and each account's health page.
 */
@Controller
class AccountsController {

    static final String PENDING_OAUTH = AccountsController.class.getName() + ".pending";

    private final SocialAccountManagement accounts;
    private final AccountCalls calls;
    private final SandboxManagement sandbox;
    private final SecureRandom random = new SecureRandom();

    AccountsController(SocialAccountManagement accounts, AccountCalls calls, SandboxManagement sandbox) {
        this.accounts = accounts;
        this.calls = calls;
        this.sandbox = sandbox;
    }

    @GetMapping("/parametres/comptes")
    String list(Model model) {
        return renderList(model, new AccountForms.OneClick(), new AccountForms.AppPassword(), new AccountForms.OAuth());
    }

    @PostMapping("/parametres/comptes/sandbox")
    String connectSandbox(@ModelAttribute("sandbox") AccountForms.OneClick form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            SocialAccountView account = accounts.connectOneClick(Network.SANDBOX, form.getHandle(),
                    form.getDisplayName(), form.getCommunity());
            return connected(account, redirect);
        } catch (RuntimeException e) {
            bind(e, result);
        }
        return renderList(model, form, new AccountForms.AppPassword(), new AccountForms.OAuth());
    }

    @PostMapping("/parametres/comptes/bluesky")
    String connectBluesky(@ModelAttribute("bluesky") AccountForms.AppPassword form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            SocialAccountView account = accounts.connectWithAppPassword(Network.BLUESKY, form.getIdentifier(),
                    form.getAppPassword(), form.getServer(), form.getCommunity());
            return connected(account, redirect);
        } catch (RuntimeException e) {
            bind(e, result);
        }
        form.setAppPassword(null);
        return renderList(model, new AccountForms.OneClick(), form, new AccountForms.OAuth());
    }

    @PostMapping("/parametres/comptes/mastodon")
    String startMastodon(@ModelAttribute("mastodon") AccountForms.OAuth form, BindingResult result, Model model,
            HttpServletRequest request, HttpSession session) {
        String state = token();
        try {
            ConnectFlow.OAuthStart start = accounts.startOAuth(Network.MASTODON, form.getServer(), callback(request),
                    state);
            session.setAttribute(PENDING_OAUTH, new PendingOAuth(Network.MASTODON, state, start.pending(),
                    form.getCommunity()));
            model.addAttribute("authorizationUrl", start.authorizationUrl());
            model.addAttribute("server", start.pending().server());
            return "channels/authorize";
        } catch (RuntimeException e) {
            bind(e, result);
        }
        return renderList(model, new AccountForms.OneClick(), new AccountForms.AppPassword(), form);
    }

    @GetMapping("/parametres/comptes/mastodon/retour")
    String finishMastodon(@RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "error", required = false) String error, HttpServletRequest request,
            HttpSession session, RedirectAttributes redirect) {
        Object pending = session.getAttribute(PENDING_OAUTH);
        session.removeAttribute(PENDING_OAUTH);
        if (!(pending instanceof PendingOAuth oauth) || state == null || !state.equals(oauth.state())) {
            redirect.addFlashAttribute("flashError", "account.oauth.stateMismatch");
            return "redirect:/parametres/comptes";
        }
        if (error != null || code == null || code.isBlank()) {
            redirect.addFlashAttribute("flashError", "account.oauth.denied");
            return "redirect:/parametres/comptes";
        }
        try {
            SocialAccountView account = accounts.finishOAuth(oauth.network(), oauth.pending(), code, callback(request),
                    oauth.community());
            return connected(account, redirect);
        } catch (DomainException | ConnectorException e) {
            redirect.addFlashAttribute("flashError", e instanceof DomainException d ? d.messageKey()
                    : ((ConnectorException) e).messageKey());
            return "redirect:/parametres/comptes";
        }
    }

    @GetMapping("/parametres/comptes/{id}")
    String health(@PathVariable String id, Model model) {
        UUID accountId = Ids.parse(id);
        AccountHealthView health = accounts.health(accountId);
        AccountForms.Community community = new AccountForms.Community();
        community.setCommunity(health.account().community());
        model.addAttribute("health", health);
        model.addAttribute("videoTypes", health.profile() == null ? "" : String.join(", ",
                new java.util.TreeSet<>(health.profile().video().types())));
        model.addAttribute("account", health.account());
        model.addAttribute("communityForm", community);
        List<ChannelPostView> posts = accounts.recentPosts(accountId, 10);
        model.addAttribute("posts", posts);
        model.addAttribute("videos", sandbox.videos(accountId, posts.stream().map(ChannelPostView::externalId)
                .filter(java.util.Objects::nonNull).toList()));
        model.addAttribute("interactions", accounts.recentInteractions(accountId, 20));
        model.addAttribute("canManage", Actors.has(Permission.CHANNELS_MANAGE));
        model.addAttribute("reconnectBluesky", new AccountForms.AppPassword());
        return "channels/account";
    }

    /** A video the Sandbox keeps with a post (played on the account page; byte ranges for seeking). */
    @GetMapping("/parametres/comptes/{id}/sandbox/{post}/videos/{position}")
    ResponseEntity<Resource> sandboxVideo(@PathVariable String id, @PathVariable String post,
            @PathVariable String position) {
        return file(sandbox.videoFile(Ids.parse(id), post, position(position)));
    }

    /** Its WebVTT subtitles (the track of the player). */
    @GetMapping("/parametres/comptes/{id}/sandbox/{post}/videos/{position}/sous-titres")
    ResponseEntity<Resource> sandboxSubtitles(@PathVariable String id, @PathVariable String post,
            @PathVariable String position) {
        return file(sandbox.subtitlesFile(Ids.parse(id), post, position(position)));
    }

    private static int position(String value) {
        if (value == null || !value.matches("[1-9]\\d{0,2}")) {
            throw new NotFoundException("sandbox.video.notFound");
        }
        return Integer.parseInt(value);
    }

    private static ResponseEntity<Resource> file(SandboxManagement.VideoFile file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new ByteArrayResource(file.content()));
    }

    @PostMapping("/parametres/comptes/{id}/communaute")
    String community(@PathVariable String id, @ModelAttribute("communityForm") AccountForms.Community form,
            RedirectAttributes redirect) {
        UUID accountId = Ids.parse(id);
        try {
            accounts.changeCommunity(accountId, form.getCommunity());
            redirect.addFlashAttribute("flash", "account.community.saved");
        } catch (jakarta.validation.ConstraintViolationException e) {
            redirect.addFlashAttribute("flashError", "account.community.invalid");
        }
        return "redirect:/parametres/comptes/" + accountId;
    }

    @PostMapping("/parametres/comptes/{id}/pause")
    String pause(@PathVariable String id, RedirectAttributes redirect) {
        SocialAccountView account = accounts.pause(Ids.parse(id));
        redirect.addFlashAttribute("flash", "account.paused.done");
        return "redirect:/parametres/comptes/" + account.id();
    }

    @PostMapping("/parametres/comptes/{id}/reprise")
    String resume(@PathVariable String id, RedirectAttributes redirect) {
        SocialAccountView account = accounts.resume(Ids.parse(id));
        redirect.addFlashAttribute("flash", "account.resumed.done");
        return "redirect:/parametres/comptes/" + account.id();
    }

    @PostMapping("/parametres/comptes/{id}/deconnexion")
    String disable(@PathVariable String id, RedirectAttributes redirect) {
        SocialAccountView account = accounts.disable(Ids.parse(id));
        redirect.addFlashAttribute("flash", "account.disabled.done");
        return "redirect:/parametres/comptes/" + account.id();
    }

    @PostMapping("/parametres/comptes/{id}/synchronisation")
    String sync(@PathVariable String id, RedirectAttributes redirect) {
        UUID accountId = Ids.parse(id);
        SocialAccountView account = accounts.get(accountId);
        Actors.require(Permission.CHANNELS_MANAGE);
        calls.closeCircuit(account.network());
        SyncReport report = accounts.syncNow(accountId);
        if (report.errorKey() != null) {
            redirect.addFlashAttribute("flashError", report.errorKey());
        } else if (report.skipped()) {
            redirect.addFlashAttribute("flashError", "account.sync.skipped");
        } else {
            redirect.addFlashAttribute("flash", "account.sync.done");
            redirect.addFlashAttribute("flashArgs", new Object[] {report.newPosts(), report.newInteractions()});
        }
        return "redirect:/parametres/comptes/" + accountId;
    }

    private String connected(SocialAccountView account, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", "account.connected.done");
        redirect.addFlashAttribute("flashArgs", new Object[] {account.handle()});
        return "redirect:/parametres/comptes/" + account.id();
    }

    private static void bind(RuntimeException e, BindingResult result) {
        if (e instanceof ConnectorException connector) {
            result.reject(connector.messageKey(), connector.arguments(), connector.messageKey());
            return;
        }
        if (!FormErrors.bind(e, result)) {
            throw e;
        }
    }

    private String renderList(Model model, AccountForms.OneClick sandbox, AccountForms.AppPassword bluesky,
            AccountForms.OAuth mastodon) {
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("networks", accounts.availableNetworks());
        model.addAttribute("canManage", Actors.has(Permission.CHANNELS_MANAGE));
        model.addAttribute("sandbox", sandbox);
        model.addAttribute("bluesky", bluesky);
        model.addAttribute("mastodon", mastodon);
        if (!model.containsAttribute("org.springframework.validation.BindingResult.sandbox")) {
            model.addAttribute("org.springframework.validation.BindingResult.sandbox",
                    new BeanPropertyBindingResult(sandbox, "sandbox"));
        }
        return "channels/accounts";
    }

    private static URI callback(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path("/parametres/comptes/mastodon/retour").build()
                .toUri();
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An OAuth connection between its two steps, kept in the session. */
    record PendingOAuth(Network network, String state, ConnectFlow.OAuthStart.Pending pending, String community)
            implements Serializable {
    }
}
