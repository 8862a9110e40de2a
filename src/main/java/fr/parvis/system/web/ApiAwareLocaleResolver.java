package fr.parvis.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The interface's language comes from the {@code PARVIS_LANG} cookie; the API's from
 * {@code Accept-Language} (see {@link Locales#ofApiRequest}). Resolving both through Spring's
 * locale context means that everything translated while handling an API request (bean-validation
 * messages included) speaks the client's language, not the interface's default.
 */
class ApiAwareLocaleResolver extends CookieLocaleResolver {

    ApiAwareLocaleResolver(String cookieName) {
        super(cookieName);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return ApiRequests.isApi(request) ? Locales.ofApiRequest(request) : super.resolveLocale(request);
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        return ApiRequests.isApi(request) ? new SimpleLocaleContext(Locales.ofApiRequest(request))
                : super.resolveLocaleContext(request);
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
            LocaleContext localeContext) {
        if (!ApiRequests.isApi(request)) {
            super.setLocaleContext(request, response, localeContext);
        }
    }
}
