package fr.parvis.system.security;

import fr.parvis.system.web.Locales;
import fr.parvis.territory.AccountManagement;
import fr.parvis.territory.access.OidcAccounts;
import fr.parvis.territory.access.OidcAccounts.UnknownOidcAccountException;
import fr.parvis.territory.access.ParvisAuthentication;
import fr.parvis.territory.access.PasswordAuthenticationProvider.AccountLockedException;
import fr.parvis.territory.access.PasswordAuthenticationProvider.NoCollectiviteException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What happens after a login attempt: bookkeeping and audit of successful logins (in the
 * collectivité where the agent lands), mapping of an OIDC identity to a Parvis account, and a
 * clear French reason on the login page when it fails.
 */
@Component
class LoginHandlers {

    static final String LAST_EMAIL = "parvis.login.lastEmail";
    static final String LOCKED_UNTIL = "parvis.login.lockedUntil";

    private static final Logger log = LoggerFactory.getLogger(LoginHandlers.class);

    private final AccountManagement accounts;
    private final OidcAccounts oidc;
    private final SecurityContextRepository contexts;
    private final LocaleResolver locales;
    private final SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();

    LoginHandlers(AccountManagement accounts, OidcAccounts oidc, SecurityContextRepository contexts,
            LocaleResolver locales) {
        this.accounts = accounts;
        this.oidc = oidc;
        this.contexts = contexts;
        this.locales = locales;
        redirect.setDefaultTargetUrl("/");
    }

    void onPasswordLogin(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        landed(request, response, authentication, "password");
    }

    void onOidcLogin(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        OidcUser user = (OidcUser) authentication.getPrincipal();
        ParvisAuthentication agent;
        try {
            agent = oidc.authenticate(user.getIssuer().toString(), user.getSubject(), user.getEmail(),
                    Boolean.TRUE.equals(user.getEmailVerified()));
        } catch (UnknownOidcAccountException e) {
            log.info("OIDC login refused: no account for subject {} of {}", user.getSubject(), user.getIssuer());
            abandon(request, response, "sso-inconnu");
            return;
        } catch (DisabledException e) {
            abandon(request, response, "desactive");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(agent);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        landed(request, response, agent, "oidc");
    }

    void onFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        HttpSession session = request.getSession();
        String email = request.getParameter("email");
        if (email != null && email.length() <= 254) {
            session.setAttribute(LAST_EMAIL, email);
        }
        String code;
        if (exception instanceof AccountLockedException locked) {
            session.setAttribute(LOCKED_UNTIL, locked.until());
            code = "verrouille";
        } else if (exception instanceof NoCollectiviteException) {
            code = "sans-collectivite";
        } else if (exception instanceof UnknownOidcAccountException) {
            code = "sso-inconnu";
        } else if (exception instanceof DisabledException) {
            code = "desactive";
        } else if (exception instanceof OAuth2AuthenticationException) {
            log.warn("OIDC login failed: {}", exception.getMessage());
            code = "sso";
        } else {
            code = "identifiants";
        }
        response.sendRedirect(request.getContextPath() + "/connexion?erreur=" + code);
    }

    private void landed(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
            String method) throws IOException, ServletException {
        accounts.recordLogin(method);
        HttpSession session = request.getSession();
        session.removeAttribute(LAST_EMAIL);
        session.removeAttribute(LOCKED_UNTIL);
        locales.setLocale(request, response, Locales.of(accounts.me().locale()));
        redirect.onAuthenticationSuccess(request, response, authentication);
    }

    private void abandon(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/connexion?erreur=" + code);
    }
}
