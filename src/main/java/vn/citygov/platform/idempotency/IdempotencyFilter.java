package vn.citygov.platform.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.platform.error.Problems;
import vn.citygov.platform.idempotency.IdempotencyStore.StoredResponse;
import vn.citygov.platform.security.CurrentUser;

/**
 * Honours {@code Idempotency-Key} on API POSTs: the first request with a key runs and its answer is kept
 * for a day; a retry with the same key and body gets that answer again instead of creating twice. The
 * same key with a different body is refused (422); a retry while the first is still running gets 409.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private final IdempotencyStore store;
    private final Problems problems;
    private final JsonMapper json;
    private final LocaleResolver locales;

    IdempotencyFilter(IdempotencyStore store, Problems problems, JsonMapper json, LocaleResolver locales) {
        this.store = store;
        this.problems = problems;
        this.json = json;
        this.locales = locales;
    }

    /**
     * Multipart uploads are skipped: reading the body here would leave nothing for the container's
     * multipart parser (the upload would lose its file part) and would keep whole files in memory and in
     * the replay table. A retried upload stores a second copy; clients delete the extra.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problem(request, response, HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "error.idempotency.invalid");
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = new CachedBodyRequest(request);
        } catch (vn.citygov.platform.web.BodyTooLargeException tooLarge) {
            problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "problem.detail.413");
            return;
        }
        String principal = CurrentUser.get().map(u -> u.kind() + ":" + u.id())
                .orElse("anonymous:" + request.getRemoteAddr());
        String methodPath = request.getMethod() + " " + request.getRequestURI();
        String requestHash = sha256(methodPath, cached.body());

        if (!store.claim(principal, key, methodPath, requestHash)) {
            Optional<StoredResponse> existing = store.find(principal, key);
            if (existing.isEmpty()) {
                // Purged or released between the two statements: treat as still running.
                problem(request, response, HttpStatus.CONFLICT, "idempotency-in-progress", "error.idempotency.in-progress");
            } else if (!existing.get().requestHash().equals(requestHash)) {
                problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "error.idempotency.mismatch");
            } else if (existing.get().status() == null) {
                problem(request, response, HttpStatus.CONFLICT, "idempotency-in-progress", "error.idempotency.in-progress");
            } else {
                replay(existing.get(), response);
            }
            return;
        }

        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(cached, wrapped);
            completed = wrapped.getStatus() < 500;
        } finally {
            if (completed) {
                store.complete(principal, key, wrapped.getStatus(), wrapped.getContentType(),
                        wrapped.getContentAsByteArray(), wrapped.getHeader("Location"));
            } else {
                // A failure is not an answer worth replaying: let the client retry for real.
                store.release(principal, key);
            }
            wrapped.copyBodyToResponse();
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader("Location", stored.location());
        }
        response.setHeader("Idempotency-Replayed", "true");
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            String key) throws IOException {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(locales.resolveLocale(request));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Problems.asMap(problems.create(status, code, key)));
    }

    private static String sha256(String methodPath, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(methodPath.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
