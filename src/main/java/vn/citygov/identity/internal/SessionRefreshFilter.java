package vn.citygov.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.citygov.platform.security.CityGovUser;

/**
 * Keeps a page session in step with what administrators change after login: the session of a disabled
 * account ends, and granted or removed roles apply from the next request instead of the next login.
 * Runs after Spring Security has restored the session's login.
 */
@Component
class SessionRefreshFilter extends OncePerRequestFilter {

    // The API reads the user and grants with every token; static files need no check.
    private static final List<String> SKIPPED = List.of("/api/", "/css/", "/js/", "/webjars/", "/img/", "/fonts/",
            "/favicon.ico", "/actuator/");

    private final UserRepository users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionRefreshFilter(UserRepository users) {
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return SKIPPED.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CityGovUserDetails details) {
            Optional<UserRepository.LoginRecord> record = users.findById(details.user().id());
            if (record.isEmpty() || !record.get().enabled()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login");
                return;
            }
            CityGovUser fresh = users.toUser(record.get());
            if (!fresh.grants().equals(details.user().grants())) {
                CityGovUserDetails updated = new CityGovUserDetails(fresh);
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null,
                        updated.getAuthorities()));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
