package vn.citygov.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.identity.AccountService;
import vn.citygov.identity.internal.UserRepository.UserSummary;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;

/** Accounts as administrators see them: city administrators all, agency administrators their staff. */
@Tag(name = "Users")
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAuthority('identity.user.read')")
class UserApiController {

    private final AccountService accounts;

    UserApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "List users", description = "Paged; filter by text and by agency.")
    @GetMapping
    PageResult<UserSummary> list(@RequestParam(required = false) String q, @RequestParam(required = false) String agency,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return accounts.list(q, agency, PageQuery.of(page, size));
    }
}
