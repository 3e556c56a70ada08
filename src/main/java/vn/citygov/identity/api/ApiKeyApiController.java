package vn.citygov.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.citygov.identity.ApiKeyService;
import vn.citygov.identity.internal.CredentialRepository.ApiKeyRecord;
import vn.citygov.platform.text.TextFolding;

/** Machine API keys for outside systems: create (the secret is shown once), list, revoke. */
@Tag(name = "API keys", description = "Revocable keys for outside systems, each scoped to what it may call")
@RestController
@RequestMapping("/api/v1/api-keys")
@PreAuthorize("hasAuthority('identity.apikey.manage')")
class ApiKeyApiController {

    private final ApiKeyService keys;

    ApiKeyApiController(ApiKeyService keys) {
        this.keys = keys;
    }

    @Operation(summary = "List API keys")
    @GetMapping
    List<ApiKeyRecord> list() {
        return keys.list();
    }

    @Operation(summary = "Create an API key", description = "The answer holds the key itself; it is never shown again.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "Invalid name or unknown scope")
    @PostMapping
    ResponseEntity<ApiKeyService.CreatedKey> create(@Valid @RequestBody NewKey request) {
        ApiKeyService.CreatedKey created = keys.create(TextFolding.nfc(request.name()), request.scopes(),
                request.agencyCode());
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.key().id())).body(created);
    }

    @Operation(summary = "Revoke an API key", description = "Calls made with it are refused from now on.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "No such key")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }

    record NewKey(@NotBlank(message = "validation.required") @Size(max = 120, message = "validation.too-long") String name,
            @NotEmpty(message = "validation.required") List<@NotBlank String> scopes,
            @Pattern(regexp = "[a-z0-9-]{2,64}", message = "error.validation") String agencyCode) {
    }
}
