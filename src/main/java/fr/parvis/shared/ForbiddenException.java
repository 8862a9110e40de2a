package fr.parvis.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A refusal that deserves its own explanation, beyond "your role does not allow this" (which
 * permission checks give). {@code code} is the stable problem code shown to API clients.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class ForbiddenException extends DomainException {

    private final String code;

    public ForbiddenException(String code, String messageKey, Object... arguments) {
        super(messageKey, null, arguments);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
