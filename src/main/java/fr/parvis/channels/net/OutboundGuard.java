package fr.parvis.channels.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Guards requests to user-supplied URLs against server-side request forgery: only http(s), and no
 * loopback, private, link-local, carrier-grade NAT, multicast or unspecified address (IPv4 and
 * IPv6) unless the host is in {@code parvis.outbound.allowed-private-hosts}. Every address the name
 * resolves to is checked; callers that follow redirects check each hop.
 */
@Component
public class OutboundGuard {

    private final Set<String> allowed;
    private final OutboundProperties properties;

    public OutboundGuard(OutboundProperties properties) {
        this.properties = properties;
        this.allowed = properties.allowedPrivateHosts().stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Checks a URL typed by a user.
     *
     * @param field the form field to report errors on
     * @throws UnsafeUrlException with a French message naming the problem
     */
    public URI check(String url, String field) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new UnsafeUrlException("outbound.malformed", field, url);
        }
        return check(uri, field);
    }

    public URI check(URI uri, String field) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new UnsafeUrlException("outbound.scheme", field, String.valueOf(uri));
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new UnsafeUrlException("outbound.malformed", field, String.valueOf(uri));
        }
        String key = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(key);
        } catch (UnknownHostException e) {
            throw new UnsafeUrlException("outbound.unknownHost", field, host);
        }
        if (allowed.contains(key)) {
            return uri;
        }
        for (InetAddress address : addresses) {
            if (isInternal(address) && !allowed.contains(address.getHostAddress().toLowerCase(Locale.ROOT))) {
                throw new UnsafeUrlException("outbound.private", field, host);
            }
        }
        return uri;
    }

    /** An HTTP client with Parvis's timeouts that never follows redirects by itself. */
    public HttpClient client() {
        return HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public java.time.Duration readTimeout() {
        return properties.readTimeout();
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            boolean mappedV4 = true;
            for (int i = 0; i < 10; i++) {
                mappedV4 &= bytes[i] == 0;
            }
            if (mappedV4 && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
