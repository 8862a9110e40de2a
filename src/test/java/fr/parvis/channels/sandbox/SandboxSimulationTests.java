package fr.parvis.channels.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.channels.spi.InteractionType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The simulated audience as pure functions: the same seed and the same period give the same
 * events; engagement decays; comments are varied French texts; followers grow.
 */
class SandboxSimulationTests {

    static final SandboxSimulation SIMULATION = new SandboxSimulation(SandboxCorpus.load());
    static final Instant T0 = Instant.parse("2026-03-02T08:30:00Z");
    static final long SEED = 42L;

    static List<SandboxSimulation.Post> posts(int count) {
        List<SandboxSimulation.Post> posts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            posts.add(new SandboxSimulation.Post(i, "p" + i, T0.plus(Duration.ofHours(20L * i)), null));
        }
        return posts;
    }

    @Test
    void theSameSeedAndPeriodGiveTheSameEventsWhateverTheSteps() {
        List<SandboxSimulation.Post> posts = posts(10);
        Instant end = T0.plus(Duration.ofDays(20));
        List<SandboxSimulation.Event> once = SIMULATION.between(SEED, 2000, "ville", posts, T0, end);
        List<SandboxSimulation.Event> again = new SandboxSimulation(SandboxCorpus.load()).between(SEED, 2000, "ville",
                posts, T0, end);
        assertThat(again).isEqualTo(once);
        // in small steps (like the task every minute… or every 7 hours), the union is the same
        List<SandboxSimulation.Event> stepped = new ArrayList<>();
        for (Instant from = T0; from.isBefore(end); from = from.plus(Duration.ofHours(7))) {
            Instant to = from.plus(Duration.ofHours(7)).isAfter(end) ? end : from.plus(Duration.ofHours(7));
            stepped.addAll(SIMULATION.between(SEED, 2000, "ville", posts, from, to));
        }
        assertThat(stepped).isEqualTo(once);
        assertThat(once).extracting(SandboxSimulation.Event::externalId).doesNotHaveDuplicates();

        List<SandboxSimulation.Event> otherSeed = SIMULATION.between(SEED + 1, 2000, "ville", posts, T0, end);
        assertThat(otherSeed).isNotEqualTo(once);
    }

    @Test
    void engagementDecaysMostlyWithinHoursWithALongTail() {
        int firstSixHours = 0;
        int afterTwoDays = 0;
        int firstHour = 0;
        int dayTwoHour = 0;
        int total = 0;
        for (SandboxSimulation.Post post : posts(200)) {
            for (SandboxSimulation.Event event : SIMULATION.lifeOf(SEED, 3000, "ville", post)) {
                Duration age = Duration.between(post.publishedAt(), event.at());
                assertThat(age).isPositive().isLessThan(SandboxSimulation.ENGAGEMENT_WINDOW);
                total++;
                if (age.compareTo(Duration.ofHours(6)) < 0) {
                    firstSixHours++;
                }
                if (age.compareTo(Duration.ofDays(2)) > 0) {
                    afterTwoDays++;
                }
                if (age.toHours() == 0) {
                    firstHour++;
                }
                if (age.toHours() == 24) {
                    dayTwoHour++;
                }
            }
        }
        assertThat(total).isGreaterThan(200 * 20);
        assertThat((double) firstSixHours / total).as("share in the first 6 hours").isBetween(0.55, 0.9);
        assertThat((double) afterTwoDays / total).as("long tail after 2 days").isBetween(0.03, 0.25);
        assertThat(firstHour).isGreaterThan(dayTwoHour * 5);
    }

    @Test
    void commentsAreVariedFrenchTextsOfEveryCategory() {
        Map<SandboxCorpus.Category, Integer> categories = new EnumMap<>(SandboxCorpus.Category.class);
        Set<String> texts = new HashSet<>();
        List<String> all = new ArrayList<>();
        Set<InteractionType> types = new HashSet<>();
        List<SandboxSimulation.Event> events = SIMULATION.between(SEED, 2500, "ville-de-demo", posts(60), T0,
                T0.plus(Duration.ofDays(60)));
        for (SandboxSimulation.Event event : events) {
            types.add(event.type());
            if (event.type() == InteractionType.COMMENT) {
                categories.merge(SandboxCorpus.Category.valueOf(event.category()), 1, Integer::sum);
                texts.add(event.text());
                all.add(event.text());
            }
            if (event.type() == InteractionType.REACTION || event.type() == InteractionType.SHARE) {
                assertThat(event.text()).isNull();
            } else {
                assertThat(event.text()).isNotBlank().doesNotContain("{", "}");
            }
        }
        assertThat(types).containsExactlyInAnyOrder(InteractionType.values());
        assertThat(categories.keySet()).containsExactlyInAnyOrder(SandboxCorpus.Category.values());
        assertThat(categories.get(SandboxCorpus.Category.QUESTION))
                .isGreaterThan(categories.get(SandboxCorpus.Category.INSULT));
        assertThat((double) texts.size() / all.size()).as("distinct comments").isGreaterThan(0.45);
        assertThat(texts).hasSizeGreaterThan(150);
        assertThat(all).anyMatch(t -> t.matches(".*06 39 98 \\d\\d \\d\\d.*"))
                .anyMatch(t -> t.matches(".*[a-z]+\\.[a-z-]+@[a-z.]+.*"))
                .anyMatch(t -> t.contains("https://"));
        assertThat(events.stream().filter(e -> e.type() == InteractionType.MENTION).map(SandboxSimulation.Event::text))
                .anyMatch(t -> t.contains("@ville-de-demo"));
        Set<String> authors = events.stream().map(SandboxSimulation.Event::authorHandle).collect(Collectors.toSet());
        assertThat(authors).hasSizeGreaterThan(200).allMatch(h -> SandboxNetwork.HANDLE.matcher(h).matches());
    }

    @Test
    void followersGrowDeterministically() {
        Instant opened = T0;
        long previous = SIMULATION.followers(SEED, 800, opened, opened);
        assertThat(previous).isEqualTo(800);
        int decreases = 0;
        for (int day = 1; day <= 90; day++) {
            long now = SIMULATION.followers(SEED, 800, opened, opened.plus(Duration.ofDays(day)));
            if (now < previous) {
                decreases++;
            }
            previous = now;
        }
        assertThat(previous).isBetween(900L, 1400L);
        assertThat(decreases).as("a few days with departures, not many").isLessThan(10);
        assertThat(SIMULATION.followers(SEED, 800, opened, opened.plus(Duration.ofDays(45))))
                .isEqualTo(SIMULATION.followers(SEED, 800, opened, opened.plus(Duration.ofDays(45))));
    }

    @Test
    void aDeletedPostReceivesNothingMore() {
        SandboxSimulation.Post post = new SandboxSimulation.Post(7, "p7", T0, T0.plus(Duration.ofHours(1)));
        assertThat(SIMULATION.lifeOf(SEED, 3000, "ville", post))
                .allMatch(e -> e.at().isBefore(T0.plus(Duration.ofHours(1)))).isNotEmpty();
    }

    @Test
    void aHistoryHasAboutOnePostADayInOfficeHours() {
        Instant end = T0.plus(Duration.ofDays(90));
        List<SandboxSimulation.HistoryPost> history = SIMULATION.history(SEED, SandboxCorpus.Theme.JEUNESSE, "jeunes",
                T0, end);
        assertThat(history).hasSizeBetween(70, 120);
        assertThat(history).allSatisfy(p -> {
            int hour = p.at().atZone(SandboxSimulation.LOCAL).getHour();
            assertThat(hour).isBetween(8, 18);
        });
        assertThat(history.stream().map(SandboxSimulation.HistoryPost::text).distinct().count()).isGreaterThan(40);
        assertThat(SIMULATION.history(SEED, SandboxCorpus.Theme.JEUNESSE, "jeunes", T0, end)).isEqualTo(history);
    }
}
