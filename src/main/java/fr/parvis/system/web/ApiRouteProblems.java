package fr.parvis.system.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem Details for API requests that reach no controller: an unknown path under
 * {@code /api/}, or a method the path does not support. {@link ApiExceptionHandler} only advises
 * REST controllers, and these errors arise before any controller is chosen. Outside
 * {@code /api/} the exception is rethrown, so the interface keeps its error pages.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRouteProblems {

    private final ApiExceptionHandler api;

    ApiRouteProblems(ApiExceptionHandler api) {
        this.api = api;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e, HttpServletRequest request)
            throws NoResourceFoundException {
        if (!ApiRequests.isApi(request)) {
            throw e;
        }
        return api.noRoute(e, request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        if (!ApiRequests.isApi(request)) {
            throw e;
        }
        return api.method(e, request);
    }
}
