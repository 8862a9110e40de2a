package fr.parvis.shared.web;

import fr.parvis.shared.DomainException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.springframework.validation.BindingResult;

/**
 * Puts the errors raised by a management service (bean-validation violations and business
 * errors) on the form that sent the input, next to the fields they concern. Form fields carry the
 * same names as the service's command records.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * Adds the exception's errors to {@code result}. Returns false, adding nothing, for exceptions
     * that are not input errors (the caller rethrows them).
     */
    public static boolean bind(RuntimeException exception, BindingResult result) {
        if (exception instanceof ConstraintViolationException violations) {
            for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
                reject(result, leafName(violation.getPropertyPath()), null, null, violation.getMessage());
            }
            return true;
        }
        if (exception instanceof DomainException domain) {
            reject(result, domain.field(), domain.messageKey(), domain.arguments(), null);
            return true;
        }
        return false;
    }

    private static void reject(BindingResult result, String field, String code, Object[] arguments,
            String defaultMessage) {
        if (field != null && isField(result, field)) {
            result.rejectValue(field, code == null ? "invalid" : code, arguments, defaultMessage);
        } else {
            result.reject(code == null ? "invalid" : code, arguments, defaultMessage);
        }
    }

    private static boolean isField(BindingResult result, String field) {
        try {
            return result.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@code update.settings.name} gives {@code name}. */
    public static String leafName(Path path) {
        String leaf = null;
        for (Path.Node node : path) {
            if (node.getName() != null) {
                leaf = node.getName();
            }
        }
        return leaf;
    }
}
