package fr.parvis.territory.access;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.territory.Role;
import java.io.Serial;
import java.io.Serializable;

/**
 * What an agent may do in one collectivité: the effective role, and whether it comes from a
 * membership or from the commune's delegation to its EPCI ({@code viaCollectiviteName} is then the
 * EPCI).
 */
public record Access(CollectiviteId collectiviteId, String collectiviteName, Role role, AccessVia via,
        String viaCollectiviteName) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
