package vn.citygov.dossiers.api;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.citygov.dossiers.InvalidDossierException;
import vn.citygov.platform.error.Problems;

/** Turns an invalid submission into one problem+json listing every field error, not just the first. */
@RestControllerAdvice(assignableTypes = {DossierApi.class, SubmissionApi.class, DeliveryApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class DossierProblems {

    private final Problems problems;

    DossierProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidDossierException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDossierException ex) {
        ProblemDetail problem = problems.create(ex.status(), ex.code(), ex.messageKey());
        List<Problems.FieldProblem> errors = ex.problems().stream()
                .map(p -> new Problems.FieldProblem(p.field(), problems.message(p.messageKey())))
                .toList();
        problems.addFieldErrors(problem, errors);
        return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
