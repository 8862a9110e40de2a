package fr.parvis.publishing.mail.domain;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface OutgoingMails extends JpaRepository<OutgoingMail, UUID> {

    /** The e-mail, locked until the end of the transaction: two nodes never claim it both. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from OutgoingMail m where m.id = :id")
    Optional<OutgoingMail> lock(UUID id);

    List<OutgoingMail> findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(OutgoingMail.Status status,
            Instant at, Pageable page);

    List<OutgoingMail> findByStatusAndClaimedAtBefore(OutgoingMail.Status status, Instant before, Pageable page);

    List<OutgoingMail> findByStatusOrderByUpdatedAtDesc(OutgoingMail.Status status, Pageable page);

    long countByStatus(OutgoingMail.Status status);

    @Modifying
    @Query("delete from OutgoingMail m where m.status = fr.parvis.publishing.mail.domain.OutgoingMail.Status.SENT"
            + " and m.sentAt < :before")
    int deleteSentBefore(Instant before);
}
