package vn.citygov.payments.api;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.citygov.platform.security.PublicPaths;

/** Anyone may ask a fee; the gateway's callback comes from outside and is trusted by its signature, not a login. */
@Component
class PaymentsPublicPaths implements PublicPaths {

    @Override
    public List<Rule> rules() {
        return List.of(Rule.get("/api/v1/fees"),
                new Rule(org.springframework.http.HttpMethod.POST, "/api/v1/payments/callback"));
    }
}
