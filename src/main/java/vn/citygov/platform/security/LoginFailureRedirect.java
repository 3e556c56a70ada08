package vn.citygov.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Sends a failed login back to the form, saying whether the account is temporarily locked. */
class LoginFailureRedirect implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String reason = exception instanceof LockedException ? "locked" : "bad";
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }
}
