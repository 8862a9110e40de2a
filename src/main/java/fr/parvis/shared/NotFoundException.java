package fr.parvis.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The requested object does not exist in the current collectivité. Also what a user of one
 * collectivité gets for an object of another: the two cases are indistinguishable on purpose.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends DomainException {

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey, null, arguments);
    }
}
