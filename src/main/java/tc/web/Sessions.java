package tc.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live sessions, by an unguessable id: at most {@link WebLimits#maxSessions()}, each closed
 * when its tab says so (a beacon on unload) or when unused for {@link WebLimits#idleExpiry()}.
 */
final class Sessions {
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final WebLimits limits;

    Sessions(WebLimits limits) { this.limits = limits; }

    /** A new session; a 429 {@link WebError} when the server already holds as many as it allows. */
    synchronized Session open() {
        expireIdle();
        if (byId.size() >= limits.maxSessions())
            throw new WebError(429, "too many sessions (" + limits.maxSessions() + "): close a tab or wait for idle ones to expire");
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        Session s = new Session(HexFormat.of().formatHex(bytes));
        byId.put(s.id, s);
        return s;
    }

    /** The session {@code id}; a 404 {@link WebError} naming the problem when there is none. */
    Session get(String id) {
        Session s = id == null ? null : byId.get(id);
        if (s == null || s.closed) throw new WebError(404, "unknown session '" + id + "' (closed or expired): reload the page");
        s.touch();
        return s;
    }

    /** Closes {@code id}; whether it was open. */
    boolean close(String id) {
        Session s = id == null ? null : byId.remove(id);
        if (s == null) return false;
        s.close();
        return true;
    }

    /** Closes every session unused for longer than the idle expiry. */
    void expireIdle() {
        long now = System.nanoTime(), limit = limits.idleExpiry().toNanos();
        for (Session s : byId.values())
            if (now - s.lastUsed > limit && !s.lock.isLocked()) close(s.id);
    }

    int size() { return byId.size(); }

    /** The session {@code id} as it is, without touching it; null when there is none (for tests). */
    Session peek(String id) { return byId.get(id); }

    void closeAll() { for (String id : byId.keySet()) close(id); }
}
