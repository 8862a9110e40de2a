package fr.parvis.system.web;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Languages (French by default, {@code ?lang=en} in the interface, {@code Accept-Language} on the
 * API), the navigation shell, static resources.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ShellInterceptor shell;

    WebConfiguration(ShellInterceptor shell) {
        this.shell = shell;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new ApiAwareLocaleResolver("PARVIS_LANG");
        resolver.setDefaultLocale(Locales.DEFAULT);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageInterceptor()).excludePathPatterns("/api/**");
        registry.addInterceptor(shell).excludePathPatterns("/api/**", "/css/**", "/js/**", "/img/**", "/webjars/**");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**", "/js/**", "/img/**")
                .addResourceLocations("classpath:/static/css/", "classpath:/static/js/", "classpath:/static/img/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }
}
