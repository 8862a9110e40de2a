package fr.parvis.system.security;

import fr.parvis.system.ParvisProperties;
import fr.parvis.territory.access.ApiTokenAuthenticator;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security of the three faces of Parvis:
 * <ul>
 *   <li>the API ({@code /api/**}): personal access tokens ({@code Authorization: Bearer}) or the
 *       browser session; CSRF required for the session, not for bearer tokens (no ambient
 *       credential); errors as Problem Details;</li>
 *   <li>operations ({@code /actuator/**}): public probes, Prometheus metrics behind a bearer
 *       token;</li>
 *   <li>the back-office: form login (and OIDC when configured), CSRF, strict headers.</li>
 * </ul>
 * Sessions live in the database (Spring Session JDBC), so any node can serve any request.
 *
 * <p>Password authentication is the single {@code AuthenticationProvider} bean
 * ({@code PasswordAuthenticationProvider}), registered once in the global authentication manager:
 * registering it again per chain would run it twice on a failure and count two failed attempts.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenAuthenticator tokens, AccessRefresher refresher,
            ProblemResponses problems, SecurityContextRepository contexts) throws Exception {
        RequestMatcher bearer = SecurityConfiguration::hasBearerToken;
        http.securityMatcher("/api/**")
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrf -> csrf.ignoringRequestMatchers(bearer))
                .addFilterAfter(new ApiTokenFilter(tokens, problems), SecurityContextHolderFilter.class)
                .addFilterAfter(new AccessRefreshFilter(refresher, contexts), ApiTokenFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operationsChain(HttpSecurity http, ParvisProperties properties, ProblemResponses problems)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new MetricsTokenFilter(properties.security().metricsToken()),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAuthority(MetricsTokenFilter.AUTHORITY)
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiDocumentationChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                + "frame-ancestors 'none'; form-action 'self'")))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain webChain(HttpSecurity http, LoginHandlers login,
            AccessRefresher refresher, SecurityContextRepository contexts, WebAccessDeniedHandler denied,
            ObjectProvider<ClientRegistrationRepository> oidcRegistrations) throws Exception {
        http.securityContext(context -> context.securityContextRepository(contexts))
                .addFilterAfter(new AccessRefreshFilter(refresher, contexts), SecurityContextHolderFilter.class)
                .addFilterAfter(new PasswordChangeFilter(), AccessRefreshFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/connexion", "/installation", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/error", "/accessibilite", "/ical/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/connexion")
                        .loginProcessingUrl("/connexion")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(login::onPasswordLogin)
                        .failureHandler(login::onFailure)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/deconnexion")
                        .logoutSuccessUrl("/connexion?deconnecte")
                        .deleteCookies("PARVIS_SESSION"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(denied))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
        if (oidcRegistrations.getIfAvailable() != null) {
            http.oauth2Login(oauth -> oauth
                    .loginPage("/connexion")
                    .successHandler(login::onOidcLogin)
                    .failureHandler(login::onFailure));
        }
        return http.build();
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        return bearerToken(request).isPresent();
    }

    static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).strip());
        }
        return Optional.empty();
    }
}
