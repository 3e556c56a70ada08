package vn.citygov.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the page session of an account that an administrator has disabled since it logged in. The
 * session keeps the user as of login, so without this a disabled official could go on working until
 * the session timed out. Runs after Spring Security has restored the session's login.
 */
@Component
class DisabledAccountSessionFilter extends OncePerRequestFilter {

    // The API checks u.enabled with every token; static files need no check.
    private static final List<String> SKIPPED = List.of("/api/", "/css/", "/js/", "/webjars/", "/img/", "/fonts/",
            "/favicon.ico", "/actuator/");

    private final UserRepository users;

    DisabledAccountSessionFilter(UserRepository users) {
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
        if (authentication != null && authentication.getPrincipal() instanceof CityGovUserDetails details
                && !users.isEnabled(details.user().id())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        chain.doFilter(request, response);
    }
}
