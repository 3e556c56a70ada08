package vn.citygov.procedures.api;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.citygov.platform.error.Problems;
import vn.citygov.procedures.InvalidProcedureException;

/** Turns an invalid procedure or import into one problem+json listing every field error, not just the first. */
@RestControllerAdvice(assignableTypes = {ProcedureApi.class, WorkflowApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProcedureProblems {

    private final Problems problems;

    ProcedureProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidProcedureException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidProcedureException ex) {
        ProblemDetail problem = problems.create(ex.status(), ex.code(), ex.messageKey());
        List<Problems.FieldProblem> errors = ex.errors().stream()
                .map(e -> new Problems.FieldProblem(e.path(), problems.message(e.messageKey())))
                .toList();
        problems.addFieldErrors(problem, errors);
        return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
