package fr.parvis.publishing.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.parvis.publishing.PublishingProperties;
import fr.parvis.publishing.VariantState;
import fr.parvis.publishing.domain.Variants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How far ahead the pump claims: its lookahead, or its burst lookahead when more than a batch of
 * publications falls due within the latter.
 */
class PublicationPumpBurstTests {

    static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");

    final Variants variants = mock(Variants.class);

    final PublicationPump pump = new PublicationPump(variants, mock(Publisher.class), Clock.fixed(NOW, ZoneOffset.UTC),
            mock(PlatformTransactionManager.class), new PublishingProperties(Duration.ofSeconds(10),
                    Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofSeconds(30),
                    new PublishingProperties.Pump(true, Duration.ofMillis(250), Duration.ofSeconds(2),
                            Duration.ofSeconds(30), 200, 16, 10_000)));

    @Test
    void aBatchOrLessDueWithinTheBurstLookaheadIsClaimedTwoSecondsAhead() {
        assertThat(horizonWhenDue(200)).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void moreThanABatchIsABurstClaimedThirtySecondsAhead() {
        assertThat(horizonWhenDue(201)).isEqualTo(NOW.plusSeconds(30));
    }

    private Instant horizonWhenDue(long due) {
        when(variants.countByStateAndDueAtLessThanEqual(VariantState.SCHEDULED, NOW.plusSeconds(30))).thenReturn(due);
        when(variants.findByStateAndDueAtLessThanEqualOrderByDueAtAsc(eq(VariantState.SCHEDULED), any(), any()))
                .thenReturn(List.of());
        pump.start();
        try {
            pump.poll();
        } finally {
            pump.stop();
        }
        ArgumentCaptor<Instant> horizon = ArgumentCaptor.forClass(Instant.class);
        verify(variants, org.mockito.Mockito.atLeastOnce()).findByStateAndDueAtLessThanEqualOrderByDueAtAsc(
                eq(VariantState.SCHEDULED), horizon.capture(), any(Pageable.class));
        return horizon.getAllValues().get(0);
    }
}
