package vn.citygov.feedback.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Open311 is a standard for outside clients: no session, no CSRF token (clients POST plain forms), open to
 * everyone. Creating a request checks its api_key parameter itself, as the specification says, and answers
 * in the Open311 error format.
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

    @Bean
    @Order(0)
    SecurityFilterChain open311Chain(HttpSecurity http) throws Exception {
        http.securityMatcher(Open311Controller.BASE + "/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
