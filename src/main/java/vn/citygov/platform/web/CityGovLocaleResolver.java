package vn.citygov.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Vietnamese first. Pages follow the visitor's choice ({@code ?lang=en}, kept in a cookie); the API
 * follows {@code Accept-Language}, as machine clients expect.
 */
public class CityGovLocaleResolver implements LocaleResolver {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);
    static final String COOKIE = "citygov-lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object chosen = request.getAttribute(COOKIE);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        if (isApi(request)) {
            String header = request.getHeader("Accept-Language");
            if (header == null || header.isBlank()) {
                return VIETNAMESE;
            }
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                return best != null ? best : VIETNAMESE;
            } catch (IllegalArgumentException malformed) {
                return VIETNAMESE;
            }
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return supported(cookie.getValue());
                }
            }
        }
        return VIETNAMESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale value = locale == null ? VIETNAMESE : supported(locale.getLanguage());
        request.setAttribute(COOKIE, value);
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, value.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }

    static Locale supported(String language) {
        return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : VIETNAMESE;
    }

    private static boolean isApi(HttpServletRequest request) {
        // On the error page, the language follows the request that failed.
        Object failed = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed != null ? failed.toString() : request.getRequestURI();
        return uri.startsWith(request.getContextPath() + "/api/");
    }
}
