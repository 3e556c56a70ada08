package vn.citygov.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * X-Forwarded-* and Forwarded headers only from trusted proxies ({@code citygov.web.trusted-proxies},
 * {@code CITYGOV_TRUSTED_PROXIES}; by default a proxy on this machine): from them Spring's
 * {@link ForwardedHeaderFilter} applies scheme, host and port, and the client's address is the right-most
 * untrusted hop of X-Forwarded-For; from anyone else the headers are removed unread, so a client cannot choose
 * the address that rate limits, lockouts and the logs see. Replaces Spring Boot's forward-headers handling
 * (server.forward-headers-strategy=none), which would believe every sender.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForwardedHeadersFilter extends OncePerRequestFilter {

    private final TrustedProxies proxies;
    private final ForwardedHeaderFilter apply = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

    ForwardedHeadersFilter(@Value("${citygov.web.trusted-proxies:127.0.0.0/8,::1}") String trusted) {
        this.proxies = TrustedProxies.parse(trusted);
        remove.setRemoveOnly(true);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String remote = request.getRemoteAddr();
        if (!proxies.trusts(remote)) {
            remove.doFilter(request, response, chain);
            return;
        }
        String forwardedFor = request.getHeader("X-Forwarded-For");
        if (forwardedFor == null) {
            // A direct request from a trusted address (a health check, a local tool): the address is the client's,
            // and another wrapper would only slow every later read of the request.
            apply.doFilter(request, response, chain);
            return;
        }
        String client = proxies.clientAddress(remote, forwardedFor);
        apply.doFilter(request, response, (req, res) -> chain.doFilter(
                new ClientAddressRequest((HttpServletRequest) req, client), res));
    }

    /** The request as the client sent it to the first trusted proxy: its address and host name are the client's. */
    private static final class ClientAddressRequest extends HttpServletRequestWrapper {

        private final String client;

        ClientAddressRequest(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}
