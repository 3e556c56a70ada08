package vn.citygov.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls from {@code Authorization: Bearer …} or {@code X-API-Key}. A credential that
 * is present but wrong is refused with 401 at once, even on open endpoints, so clients learn early.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";

    private final ApiCredentials credentials;
    private final AuthenticationEntryPoint entryPoint;

    ApiAuthenticationFilter(ApiCredentials credentials, AuthenticationEntryPoint entryPoint) {
        this.credentials = credentials;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        String apiKey = request.getHeader(API_KEY_HEADER);
        Optional<CityGovUser> user = Optional.empty();
        boolean presented = false;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = true;
            user = credentials.byAccessToken(authorization.substring(7).strip());
        } else if (apiKey != null && !apiKey.isBlank()) {
            presented = true;
            user = credentials.byApiKey(apiKey.strip());
        }
        if (presented && user.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("invalid credential"));
            return;
        }
        user.ifPresent(u -> SecurityContextHolder.getContext().setAuthentication(new CityGovAuthentication(u)));
        chain.doFilter(request, response);
    }
}
