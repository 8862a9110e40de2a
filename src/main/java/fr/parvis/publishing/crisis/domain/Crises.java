package fr.parvis.publishing.crisis.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

public interface Crises extends JpaRepository<Crisis, UUID> {

    Optional<Crisis> findFirstByEndedAtIsNullOrderByStartedAtDesc();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<Crisis> findByEndedAtIsNull();

    boolean existsByEndedAtIsNull();

    List<Crisis> findTop20ByOrderByStartedAtDesc();

    List<Crisis> findByParentCrisisIdAndEndedAtIsNull(UUID parentCrisisId);
}
