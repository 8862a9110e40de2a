package fr.parvis.territory.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Municipal services of the current collectivité. */
public interface MunicipalServices extends JpaRepository<MunicipalService, UUID> {

    List<MunicipalService> findAllByOrderByActiveDescNameAsc();

    boolean existsByNameKey(String nameKey);

    boolean existsByNameKeyAndIdNot(String nameKey, UUID id);
}
