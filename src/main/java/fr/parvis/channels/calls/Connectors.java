package fr.parvis.channels.calls;

import fr.parvis.channels.spi.Connector;
import fr.parvis.channels.spi.Network;
import fr.parvis.shared.InvalidInputException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The connectors present in this installation, by network. */
@Component
public class Connectors {

    private final Map<Network, Connector> byNetwork = new EnumMap<>(Network.class);

    Connectors(List<Connector> connectors) {
        for (Connector connector : connectors) {
            if (byNetwork.put(connector.network(), connector) != null) {
                throw new IllegalStateException("Two connectors for " + connector.network());
            }
        }
    }

    public Optional<Connector> find(Network network) {
        return Optional.ofNullable(byNetwork.get(network));
    }

    /** The connector of a network, or a clear error when this installation has none. */
    public Connector get(Network network) {
        return find(network).orElseThrow(() -> new InvalidInputException("account.network.unavailable", "network",
                network.name()));
    }

    public Set<Network> available() {
        return byNetwork.keySet();
    }
}
