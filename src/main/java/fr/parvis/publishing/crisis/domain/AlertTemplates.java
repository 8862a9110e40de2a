package fr.parvis.publishing.crisis.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AlertTemplates extends JpaRepository<AlertTemplate, UUID> {

    Optional<AlertTemplate> findByCode(String code);

    List<AlertTemplate> findAllByOrderByCodeAsc();
}
