package fr.parvis.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Input that breaks a business rule not expressible as a bean-validation constraint. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends DomainException {

    public InvalidInputException(String messageKey, String field, Object... arguments) {
        super(messageKey, field, arguments);
    }
}
