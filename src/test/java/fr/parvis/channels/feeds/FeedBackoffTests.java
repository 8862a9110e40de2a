package fr.parvis.channels.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.channels.feeds.domain.FeedSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The delay before reading a failing source again: doubled with each failure, capped. */
class FeedBackoffTests {

    @Test
    void theDelayDoublesUpToTheMaximum() {
        Duration interval = Duration.ofMinutes(30);
        Duration max = Duration.ofHours(24);
        assertThat(FeedSource.backoff(interval, max, 1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(FeedSource.backoff(interval, max, 2)).isEqualTo(Duration.ofHours(1));
        assertThat(FeedSource.backoff(interval, max, 4)).isEqualTo(Duration.ofHours(4));
        assertThat(FeedSource.backoff(interval, max, 6)).isEqualTo(Duration.ofHours(16));
        assertThat(FeedSource.backoff(interval, max, 7)).isEqualTo(max);
        assertThat(FeedSource.backoff(interval, max, 1_000_000)).isEqualTo(max);
    }
}
