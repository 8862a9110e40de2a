package fr.parvis.channels.sandbox.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SandboxFollowerSamples extends JpaRepository<SandboxFollowerSample, UUID> {

    Optional<SandboxFollowerSample> findByAccountIdAndDay(UUID accountId, LocalDate day);

    List<SandboxFollowerSample> findByAccountIdOrderByDayAsc(UUID accountId);
}
