package vn.citygov.platform.security;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Paths a module opens to anonymous callers. Everything not listed by some module needs a login:
 * deny by default.
 */
public interface PublicPaths {

    List<Rule> rules();

    /** An open path pattern, for one HTTP method or (when null) all of them. */
    record Rule(HttpMethod method, String pattern) {

        public static Rule get(String pattern) {
            return new Rule(HttpMethod.GET, pattern);
        }

        public static Rule any(String pattern) {
            return new Rule(null, pattern);
        }
    }
}
