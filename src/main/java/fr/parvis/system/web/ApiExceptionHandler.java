package fr.parvis.system.web;

import fr.parvis.shared.ConflictException;
import fr.parvis.shared.DomainException;
import fr.parvis.shared.ForbiddenException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every API error as RFC 9457 Problem Details, in French (or English with
 * {@code Accept-Language: en}): a stable {@code type} per kind of problem, a {@code detail}
 * sentence for humans and, for input errors, the list of fields at fault.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    static final String TYPE_BASE = "https://parvis.fr/problemes/";

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(request, HttpStatus.NOT_FOUND, "not-found", message(request, e), null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        return problem(request, HttpStatus.CONFLICT, "conflict", message(request, e), fieldOf(e, request));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, "invalid-input", message(request, e), fieldOf(e, request));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> refused(ForbiddenException e, HttpServletRequest request) {
        return problem(request, HttpStatus.FORBIDDEN, e.code(), message(request, e), null);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> violations(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getConstraintViolations().forEach(v -> errors.add(fieldError(FormErrors.leafName(v.getPropertyPath()),
                v.getMessage())));
        return problem(request, HttpStatus.BAD_REQUEST, "invalid-input", text(request, "problem.invalidInput"), errors);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(fieldError(error.getField(), messages.getMessage(error, locale(request))));
        }
        return problem(request, HttpStatus.BAD_REQUEST, "invalid-input", text(request, "problem.invalidInput"), errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(fieldError(result.getMethodParameter().getParameterName(),
                        messages.getMessage(error, locale(request))))));
        return problem(request, HttpStatus.BAD_REQUEST, "invalid-input", text(request, "problem.invalidInput"), errors);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, HttpServletRequest request) {
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            // Valid JSON, but a value of the wrong type ("role": "EMPEREUR", "population": "beaucoup"):
            // name the field, as for any other invalid input.
            String field = mismatch.getPath().stream().map(JacksonException.Reference::getPropertyName)
                    .filter(Objects::nonNull).reduce((first, second) -> second).orElse(null);
            if (field != null) {
                return problem(request, HttpStatus.BAD_REQUEST, "invalid-input", text(request, "problem.invalidInput"),
                        List.of(fieldError(field, text(request, "problem.typeMismatch"))));
            }
        }
        return problem(request, HttpStatus.BAD_REQUEST, "unreadable", text(request, "problem.unreadable"), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        List<Map<String, String>> errors = List.of(fieldError(e.getName(), text(request, "problem.typeMismatch")));
        return problem(request, HttpStatus.BAD_REQUEST, "invalid-input", text(request, "problem.invalidInput"), errors);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return problem(request, HttpStatus.FORBIDDEN, "forbidden", text(request, "problem.forbidden"), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(request, HttpStatus.METHOD_NOT_ALLOWED, "method", text(request, "problem.method", e.getMethod()),
                null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type", text(request, "problem.mediaType"),
                null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(request, HttpStatus.CONTENT_TOO_LARGE, "too-large", text(request, "problem.tooLarge"), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e, HttpServletRequest request) {
        return problem(request, HttpStatus.NOT_FOUND, "not-found", text(request, "error.notFound.generic"), null);
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, DataIntegrityViolationException.class})
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e, HttpServletRequest request) {
        log.info("Conflicting write on {}: {}", request.getRequestURI(), e.getMessage());
        return problem(request, HttpStatus.CONFLICT, "conflict", text(request, "problem.concurrent"), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error {} on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
        return problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal", text(request, "problem.internal", reference),
                null);
    }

    private ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status, String code,
            String detail, List<Map<String, String>> errors) {
        Locale locale = locale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Content-Language", locale.getLanguage())
                .body(problem);
    }

    private List<Map<String, String>> fieldOf(DomainException e, HttpServletRequest request) {
        return e.field() == null ? null : List.of(fieldError(e.field(), message(request, e)));
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field == null ? "" : field, "message", message == null ? "" : message);
    }

    private String message(HttpServletRequest request, DomainException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale(request));
    }

    private String text(HttpServletRequest request, String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale(request));
    }

    private static Locale locale(HttpServletRequest request) {
        return Locales.ofApiRequest(request);
    }
}
