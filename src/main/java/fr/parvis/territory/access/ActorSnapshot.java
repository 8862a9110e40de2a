package fr.parvis.territory.access;

import fr.parvis.shared.UserId;
import java.io.Serializable;
import java.util.Optional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is acting, frozen so that it can travel in an event to an asynchronous listener (which
 * runs without the request or its security context).
 *
 * @param userId the agent, or {@code null} for the platform
 * @param label "Name &lt;e-mail&gt;" of the agent, or the platform's reason
 * @param channel {@code WEB}, {@code API} or {@code SYSTEM}
 * @param ipAddress the client address of the current request, if any
 */
public record ActorSnapshot(UserId userId, String label, String channel, String ipAddress) implements Serializable {

    /** The current actor. */
    public static ActorSnapshot current() {
        String ip = currentIp();
        Optional<ParvisAuthentication> agent = Actors.currentAgent();
        if (agent.isPresent()) {
            ParvisAuthentication a = agent.get();
            return new ActorSnapshot(a.userId(), a.getPrincipal().displayName() + " <" + a.getPrincipal().email() + ">",
                    a.channel() == AuthChannel.API_TOKEN ? "API" : "WEB", ip);
        }
        return new ActorSnapshot(null, Actors.currentSystem().map(SystemAuthentication::reason).orElse("anonymous"),
                "SYSTEM", ip);
    }

    private static String currentIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
