package fr.parvis.territory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Editable settings of a collectivité (its type is fixed at creation).
 *
 * @param slug short name in addresses; derived from the name when blank
 * @param officialCode INSEE code (commune, département, région) or SIREN (EPCI, other body)
 * @param siren optional SIREN of a commune, département or région
 * @param parentCode official code of the collectivité it belongs to (SIREN of the EPCI of a
 *     commune…); blank for none
 * @param primaryColor brand colour {@code #RRGGBB}, optional
 * @param timeZone IANA zone of the collectivité (overseas territories have their own)
 */
public record CollectiviteSettings(
        @NotBlank @Size(max = 150) String name,
        @Size(max = 64) String slug,
        @Size(max = 12) String officialCode,
        @Size(max = 12) String siren,
        @PositiveOrZero @Max(100_000_000) Integer population,
        @Size(max = 12) String parentCode,
        @Size(max = 7) String primaryColor,
        @Size(max = 40) String timeZone) {
}
