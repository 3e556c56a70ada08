package vn.citygov.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.identity.AccessTokenService;
import vn.citygov.identity.AccessTokenService.IssuedToken;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.Problems;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/** Access tokens for API clients: password in, bearer token out. */
@Tag(name = "Authentication", description = "Access tokens for the API")
@RestController
@RequestMapping("/api/v1")
class AuthApiController {

    private final AccessTokenService tokens;
    private final Problems problems;

    AuthApiController(AccessTokenService tokens, Problems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Operation(summary = "Issue an access token", description = "Exchanges a username and password for a bearer "
            + "token. Repeated wrong passwords lock the account for a growing time.")
    @ApiResponse(responseCode = "200", description = "Token issued")
    @ApiResponse(responseCode = "400", description = "Malformed body or missing fields")
    @ApiResponse(responseCode = "401", description = "Wrong username or password, or account locked")
    @PostMapping("/auth/token")
    ResponseEntity<?> token(@Valid @RequestBody TokenRequest request) {
        try {
            IssuedToken issued = tokens.issue(request.username(), request.password());
            return ResponseEntity.ok()
                    .header("Cache-Control", "no-store")
                    .body(new TokenResponse(issued.accessToken(), "Bearer", issued.expiresIn()));
        } catch (LockedException locked) {
            return problem(HttpStatus.UNAUTHORIZED, "account-locked", "identity.login.locked");
        } catch (AuthenticationException failed) {
            return problem(HttpStatus.UNAUTHORIZED, "bad-credentials", "identity.login.bad");
        }
    }

    @Operation(summary = "Revoke the access token used for this call")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @PostMapping("/auth/revoke")
    ResponseEntity<Void> revoke(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ForbiddenException();
        }
        tokens.revoke(authorization.substring(7).strip());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Who am I", description = "The caller's account, kind and permissions with their scope.")
    @GetMapping("/me")
    Me me() {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        return new Me(user.username(), user.displayName(), user.kind().name(),
                user.grants().stream().map(g -> new Me.GrantView(g.permission(), g.agencyCode()))
                        .sorted(java.util.Comparator.comparing(Me.GrantView::permission)).toList());
    }

    private ResponseEntity<?> problem(HttpStatus status, String code, String key) {
        return ResponseEntity.status(status).header("WWW-Authenticate", "Bearer")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.create(status, code, key));
    }

    record TokenRequest(@NotBlank(message = "validation.required") @Size(max = 100, message = "validation.too-long") String username,
            @NotBlank(message = "validation.required") @Size(max = 200, message = "validation.too-long") String password) {
    }

    record TokenResponse(@com.fasterxml.jackson.annotation.JsonProperty("access_token") String accessToken,
            @com.fasterxml.jackson.annotation.JsonProperty("token_type") String tokenType,
            @com.fasterxml.jackson.annotation.JsonProperty("expires_in") long expiresIn) {
    }

    record Me(String username, String displayName, String kind, List<GrantView> grants) {

        record GrantView(String permission, String agency) {
        }
    }
}
