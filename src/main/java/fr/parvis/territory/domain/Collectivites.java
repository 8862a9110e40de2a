package fr.parvis.territory.domain;

import fr.parvis.territory.CollectiviteType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Collectivités. Not tenant-filtered (they are the tenants): used only by cross-tenant classes. */
public interface Collectivites extends JpaRepository<Collectivite, UUID> {

    Optional<Collectivite> findBySlug(String slug);

    boolean existsBySlug(String slug);

    boolean existsBySlugAndIdNot(String slug, UUID id);

    Optional<Collectivite> findFirstByTypeAndOfficialCode(CollectiviteType type, String officialCode);

    List<Collectivite> findByParentIdOrderByName(UUID parentId);

    List<Collectivite> findByIdInOrderByName(Collection<UUID> ids);
}
