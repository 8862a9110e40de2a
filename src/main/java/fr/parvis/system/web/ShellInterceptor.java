package fr.parvis.system.web;

import fr.parvis.system.ParvisProperties;
import fr.parvis.territory.CollectiviteManagement;
import fr.parvis.territory.access.AccessManagement;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.ParvisAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/** Adds the {@link Shell} to every page rendered by a view (not to redirects, files or API answers). */
@Component
class ShellInterceptor implements HandlerInterceptor {

    static final String ATTRIBUTE = "shell";

    private final CollectiviteManagement collectivites;
    private final AccessManagement access;
    private final ParvisProperties properties;
    private final String version;

    ShellInterceptor(CollectiviteManagement collectivites, AccessManagement access, ParvisProperties properties,
            ObjectProvider<BuildProperties> build) {
        this.collectivites = collectivites;
        this.access = access;
        this.properties = properties;
        BuildProperties info = build.getIfAvailable();
        this.version = info == null ? "dev" : info.getVersion();
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        if (modelAndView == null || modelAndView.getViewName() == null
                || modelAndView.getViewName().startsWith("redirect:") || modelAndView.getViewName().startsWith("forward:")
                || modelAndView.getModel().containsKey(ATTRIBUTE)) {
            return;
        }
        modelAndView.addObject(ATTRIBUTE, shell(request));
    }

    Shell shell(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString() == null ? "" : java.util.Arrays.stream(request.getQueryString().split("&"))
                .filter(part -> !part.startsWith("lang=") && !part.isEmpty())
                .collect(java.util.stream.Collectors.joining("&"));
        String oidcLabel = properties.security().oidc().enabled()
                ? Optional.ofNullable(properties.security().oidc().label()).filter(l -> !l.isBlank()).orElse("SSO")
                : null;
        Optional<ParvisAuthentication> agent = Actors.currentAgent();
        if (agent.isEmpty()) {
            return new Shell(null, null, null, null, null, null, List.of(), Set.of(), properties.demo().enabled(),
                    oidcLabel, version, path, query);
        }
        ParvisAuthentication a = agent.get();
        return new Shell(a.getPrincipal().displayName(), a.getPrincipal().email(), a.role(), a.via(),
                a.viaCollectiviteName(), collectivites.current(), access.accessible(a.userId()), a.role().permissions(),
                properties.demo().enabled(), oidcLabel, version, path, query);
    }
}
