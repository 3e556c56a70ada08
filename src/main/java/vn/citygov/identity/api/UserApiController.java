package vn.citygov.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.identity.AccountService;
import vn.citygov.identity.NewAccount;
import vn.citygov.identity.RoleRequest;
import vn.citygov.identity.UserAdministrationService;
import vn.citygov.identity.UserView;
import vn.citygov.identity.internal.UserRepository.UserSummary;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;

/**
 * Accounts as administrators see them: city administrators all, agency administrators their staff.
 * Who may change which account is decided by {@link UserAdministrationService}.
 */
@Tag(name = "Users", description = "Staff accounts: opening them, roles with agency scopes, disabling and unlocking")
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAuthority('identity.user.read')")
class UserApiController {

    private static final String PROBLEM = "application/problem+json";

    private final AccountService accounts;
    private final UserAdministrationService administration;

    UserApiController(AccountService accounts, UserAdministrationService administration) {
        this.accounts = accounts;
        this.administration = administration;
    }

    @Operation(summary = "List users", description = "Paged; filter by text and by agency.")
    @GetMapping
    PageResult<UserSummary> list(@RequestParam(required = false) String q, @RequestParam(required = false) String agency,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return accounts.list(q, agency, PageQuery.of(page, size));
    }

    @Operation(summary = "Open a staff account",
            description = "For an official or agency administrator, with a first role. The user gets an e-mail with a "
                    + "link to set their password, valid for 72 hours. City administrators may grant any role; agency "
                    + "administrators only OFFICIAL within their own agency. Honours Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new account")
    @ApiResponse(responseCode = "400", description = "Invalid body, with field errors",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not allowed to grant this role in this agency",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The username is taken",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping
    @PreAuthorize("hasAuthority('identity.user.manage')")
    ResponseEntity<UserView> create(@Valid @RequestBody NewAccount body) {
        UserView created = administration.create(body);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    @Operation(summary = "One account, with its roles")
    @ApiResponse(responseCode = "200", description = "The account")
    @ApiResponse(responseCode = "403", description = "The account is outside the caller's agencies",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such account",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/{id}")
    UserView get(@PathVariable long id) {
        return administration.get(id);
    }

    @Operation(summary = "Grant a role", description = "Citywide when agencyCode is empty; OFFICIAL and "
            + "AGENCY_ADMIN need an existing agency, the other roles are citywide.")
    @ApiResponse(responseCode = "201", description = "Granted; Location names the role assignment")
    @ApiResponse(responseCode = "400", description = "Unknown role or agency, with field errors",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not allowed to grant this role here, or to manage this account",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such account",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The user already holds this role there",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/{id}/roles")
    @PreAuthorize("hasAuthority('identity.user.manage')")
    ResponseEntity<UserView.HeldRole> addRole(@PathVariable long id, @Valid @RequestBody RoleRequest body) {
        UserView.HeldRole role = administration.addRole(id, body);
        return ResponseEntity.created(URI.create("/api/v1/users/" + id + "/roles/" + role.id())).body(role);
    }

    @Operation(summary = "Remove a role", description = "Nobody removes their own roles.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "403", description = "Not allowed to remove this role",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such account, or it does not hold this role",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @DeleteMapping("/{id}/roles/{roleId}")
    @PreAuthorize("hasAuthority('identity.user.manage')")
    ResponseEntity<Void> removeRole(@PathVariable long id, @PathVariable long roleId) {
        administration.removeRole(id, roleId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Disable an account", description = "It can no longer log in and its access tokens stop "
            + "working at once. Nobody disables their own account.")
    @ApiResponse(responseCode = "200", description = "The account as it is now")
    @ApiResponse(responseCode = "403", description = "Not allowed to manage this account",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such account",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/{id}/disable")
    @PreAuthorize("hasAuthority('identity.user.manage')")
    UserView disable(@PathVariable long id) {
        return administration.disable(id);
    }

    @Operation(summary = "Enable a disabled account")
    @ApiResponse(responseCode = "200", description = "The account as it is now")
    @ApiResponse(responseCode = "403", description = "Not allowed to manage this account",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such account",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/{id}/enable")
    @PreAuthorize("hasAuthority('identity.user.manage')")
    UserView enable(@PathVariable long id) {
        return administration.enable(id);
    }

    @Operation(summary = "Unlock an account locked after wrong passwords")
    @ApiResponse(responseCode = "200", description = "The account as it is now")
    @ApiResponse(responseCode = "403", description = "Not allowed to manage this account",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such account",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAuthority('identity.user.manage')")
    UserView unlock(@PathVariable long id) {
        return administration.unlock(id);
    }
}
