package vn.citygov.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Matches API requests that no controller would take: unknown paths, wrong methods, unsupported
 * types. Letting them through to Spring MVC gives callers the honest 404, 405 or 415 instead of a 401
 * that would only hide a typo.
 */
class UnmappedRequestMatcher implements RequestMatcher {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    UnmappedRequestMatcher(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        try {
            RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
            return mapping != null && mapping.getHandler(request) == null;
        } catch (Exception noMatchingHandler) {
            return true;
        }
    }
}
