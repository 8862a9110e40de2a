package fr.parvis.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The request conflicts with the current state (duplicate, last administrator, stale version…). */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends DomainException {

    public ConflictException(String messageKey, String field, Object... arguments) {
        super(messageKey, field, arguments);
    }
}
