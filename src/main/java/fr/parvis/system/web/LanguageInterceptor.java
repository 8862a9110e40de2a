package fr.parvis.system.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Switches the interface language with {@code ?lang=fr} or {@code ?lang=en}; other values are ignored. */
class LanguageInterceptor extends LocaleChangeInterceptor {

    LanguageInterceptor() {
        setParamName("lang");
        setIgnoreInvalidLocale(true);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws ServletException {
        String lang = request.getParameter(getParamName());
        if (lang == null || "fr".equals(lang) || "en".equals(lang)) {
            return super.preHandle(request, response, handler);
        }
        return true;
    }
}
