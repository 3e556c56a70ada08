package vn.citygov.directory.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Body of a merge: the code of the agency that takes over. */
record MergeRequest(
        @NotBlank(message = "validation.required") @Pattern(regexp = "[a-z0-9-]{2,64}", message = "directory.validation.code") String into) {
}
