package tc.web;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests that do not come from the server's own pages. The server listens on a
 * loopback address, but a page on another site that the user opens could still send requests to
 * it (cross-site request forgery) or reach it through a name that resolves to 127.0.0.1 (DNS
 * rebinding). So: the Host header must name this server (its host or a loopback name, and its
 * port), and a request with an Origin header must come from an origin this server serves.
 * Requests without an Origin (a script, the load test) pass; a browser always sends one with a POST.
 */
final class Guard {
    private final Set<String> hosts;

    /** @param host the host the server was bound to; @param port its port */
    Guard(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        hosts = new java.util.HashSet<>(java.util.List.of(h + ":" + port, "localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port));
    }

    /** Throws a 403 {@link WebError} unless the request's Host and Origin are this server's. */
    void check(Headers headers) {
        String host = headers.getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT)))
            throw new WebError(403, "refused: the Host header '" + host + "' does not name this server");
        String origin = headers.getFirst("Origin");
        if (origin == null) return;
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            throw new WebError(403, "refused: unreadable Origin '" + origin + "'");
        }
        int port = uri.getPort();
        String authority = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        if (!"http".equals(uri.getScheme()) || authority == null || !hosts.contains(authority))
            throw new WebError(403, "refused: requests from origin '" + origin + "' are not served here");
    }
}
