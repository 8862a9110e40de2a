package fr.parvis.publishing.crisis;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Publier l'alerte": a template, the values of its placeholders ({@code commune} defaults to the
 * collectivité's name) and the accounts to publish on, at once.
 */
public record AlertCommand(@NotBlank @Size(max = 40) String templateCode,
        @Size(max = 10) Map<@Size(max = 40) String, @Size(max = AlertTemplatesCatalog.MAX_VALUE) String> values,
        @NotNull @Size(min = 1, max = 20) List<@NotNull UUID> accountIds) {

    public AlertCommand {
        values = values == null ? Map.of() : values.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        accountIds = accountIds == null ? null : List.copyOf(accountIds);
    }
}
