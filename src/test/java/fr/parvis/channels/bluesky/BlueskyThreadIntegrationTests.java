package fr.parvis.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import fr.parvis.channels.SocialAccountManagement;
import fr.parvis.channels.spi.Network;
import fr.parvis.publishing.PostCommand;
import fr.parvis.publishing.PostView;
import fr.parvis.publishing.PublishingFixtures;
import fr.parvis.publishing.PublishingFixtures.Team;
import fr.parvis.publishing.PublishingManagement;
import fr.parvis.publishing.ThreadPartState;
import fr.parvis.publishing.VariantView;
import fr.parvis.test.BlueskyTestNetwork;
import fr.parvis.test.Peer;
import fr.parvis.test.RequiresPeer;
import fr.parvis.test.TestTenants;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A thread published through the publishing module on a real Bluesky network on loopback: the post,
 * then two parts, each record a reply whose parent is the part before it and whose root is the post.
 */
@BlueskyIntegrationTest
@RequiresPeer(Peer.BLUESKY_PDS)
class BlueskyThreadIntegrationTests {

    @Autowired
    fr.parvis.publishing.jobs.PublishingJobs jobs;

    @Autowired
    PublishingFixtures fixtures;

    @Autowired
    TestTenants tenants;

    @Autowired
    SocialAccountManagement accounts;

    @Autowired
    PublishingManagement publishing;

    @Test
    void aThreadIsAReplyChainOfRecordsOnBluesky() throws InterruptedException {
        BlueskyTestNetwork.Urls urls = BlueskyTestNetwork.get();
        Team team = fixtures.team();
        BlueskyConnectorContractTests.TestAccount city = BlueskyConnectorContractTests.createAccount(urls.pds(), "fil");
        UUID account = tenants.as(team.admin(), () -> accounts.connectWithAppPassword(Network.BLUESKY, city.handle(),
                city.appPassword(), urls.pds().toString(), "Habitants")).id();
        PostView draft = tenants.as(team.manager(), () -> publishing.create(new PostCommand(null,
                "Marché de Noël sur la place du village, du 12 au 14 décembre.", null, null, false, null,
                List.of(new PostCommand.VariantCommand(account, null, null, List.of(), List.of(
                        new PostCommand.ThreadPartCommand("Les horaires : de 10 h à 19 h, 21 h le samedi.", null),
                        new PostCommand.ThreadPartCommand("Navette gratuite depuis la gare toutes les 20 minutes.",
                                null)))))));
        // a Bluesky or Sandbox account just connected during a reserve period is warned as new: read and accepted
        Set<String> warnings = tenants.as(team.manager(), () -> publishing.check(draft.id()).warnings().stream()
                .map(fr.parvis.publishing.CheckFinding::code).collect(java.util.stream.Collectors.toSet()));
        tenants.as(team.manager(), () -> publishing.submit(draft.id(), warnings));
        tenants.as(team.elu(), () -> publishing.approve(draft.id(), null));
        tenants.as(team.manager(), () -> publishing.publishNow(draft.id()));
        // what is due is published by the pump in production; tests run the dispatcher (the pump is off)
        jobs.dispatch();

        VariantView variant = null;
        for (int i = 0; i < 300; i++) {
            variant = tenants.as(team.manager(), () -> publishing.get(draft.id())).variants().get(0);
            if (variant.thread().stream().allMatch(p -> p.state() == ThreadPartState.PUBLISHED)) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(variant.thread()).extracting(p -> p.state()).containsOnly(ThreadPartState.PUBLISHED);
        String main = variant.externalId();
        assertThat(main).startsWith("at://");
        String previous = main;
        for (var part : variant.thread()) {
            AtUri uri = AtUri.parse(part.externalId());
            JsonNode record = BlueskyConnectorContractTests.xrpc(urls.pds(), "com.atproto.repo.getRecord?repo="
                    + Xrpc.encode(uri.repo()) + "&collection=" + uri.collection() + "&rkey=" + uri.rkey(), null, null)
                    .get("value");
            assertThat(record.get("text").asString()).isEqualTo(part.text());
            assertThat(record.at("/reply/parent/uri").asString()).as("part %d answers the one before", part.number())
                    .isEqualTo(previous);
            assertThat(record.at("/reply/root/uri").asString()).as("the thread's root is the post").isEqualTo(main);
            previous = part.externalId();
        }
    }
}
