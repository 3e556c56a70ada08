package vn.citygov.platform.security;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.platform.error.Problems;

/**
 * Two chains, deny by default: the API (stateless, bearer tokens and API keys, problem+json errors)
 * and the pages (session login with CSRF). Modules open paths only through {@link PublicPaths}.
 * Fine-grained rules are {@code @PreAuthorize} on endpoints plus object checks in services.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(Problems problems, JsonMapper json, LocaleResolver localeResolver) {
        return new ProblemSecurityHandlers(problems, json, localeResolver);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiCredentials credentials, ProblemSecurityHandlers handlers,
            ObjectProvider<PublicPaths> publicPaths,
            @Qualifier("requestMappingHandlerMapping")
            ObjectProvider<RequestMappingHandlerMapping> mappings)
            throws Exception {
        List<PublicPaths.Rule> open = publicPaths.orderedStream().flatMap(p -> p.rules().stream()).toList();
        http.securityMatcher("/api/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(new ApiAuthenticationFilter(credentials, handlers), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .authorizeHttpRequests(auth -> {
                    auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    openTo(auth, open, mappings);
                });
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, ObjectProvider<PublicPaths> publicPaths,
            @Qualifier("requestMappingHandlerMapping")
            ObjectProvider<RequestMappingHandlerMapping> mappings)
            throws Exception {
        List<PublicPaths.Rule> open = publicPaths.orderedStream().flatMap(p -> p.rules().stream()).toList();
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(
                        new LoginFailureRedirect()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut").permitAll())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self' 'unsafe-inline'; frame-ancestors 'self'; form-action 'self'")))
                .authorizeHttpRequests(auth -> {
                    auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
                    auth.requestMatchers("/", "/login", "/error", "/error/**", "/webjars/**", "/css/**", "/js/**",
                            "/fonts/**", "/img/**", "/favicon.ico", "/actuator/health/**", "/actuator/prometheus",
                            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    openTo(auth, open, mappings);
                });
        return http.build();
    }

    /** Opens the modules' public paths and unmapped requests (for honest 404s); everything else needs a login. */
    private static void openTo(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
            List<PublicPaths.Rule> open, ObjectProvider<RequestMappingHandlerMapping> mappings) {
        for (PublicPaths.Rule rule : open) {
            if (rule.method() == null) {
                auth.requestMatchers(rule.pattern()).permitAll();
            } else {
                auth.requestMatchers(rule.method(), rule.pattern()).permitAll();
            }
        }
        auth.requestMatchers(new UnmappedRequestMatcher(mappings)).permitAll();
        auth.anyRequest().authenticated();
    }

    /**
     * No observation (trace span or timer) per security filter: it costs more than the filters themselves on a
     * small API read, and the HTTP request metrics already time the whole request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default; the {id} prefix lets us move to a stronger scheme without a flag day.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
