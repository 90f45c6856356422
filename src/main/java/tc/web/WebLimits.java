package tc.web;

import java.time.Duration;

/**
 * What one server allows, so that a page (or anyone on the loopback) cannot exhaust it.
 *
 * @param maxSourceBytes  the largest C source a compile accepts, in UTF-8 bytes
 * @param maxBodyBytes    the largest request body read at all
 * @param maxStepsPerRequest the most instructions one request may run (a larger run is several requests)
 * @param maxSessions     sessions alive at once (one per browser tab)
 * @param idleExpiry      a session unused this long is closed (a tab that vanished without its beacon)
 * @param maxRequestTime  a run pauses after this long (its steps so far kept), so no request holds a server thread for long
 */
public record WebLimits(int maxSourceBytes, int maxBodyBytes, long maxStepsPerRequest, int maxSessions, Duration idleExpiry, Duration maxRequestTime) {
    public WebLimits {
        if (maxSourceBytes < 1 || maxBodyBytes < maxSourceBytes || maxStepsPerRequest < 1 || maxSessions < 1 || idleExpiry.isNegative() || idleExpiry.isZero()
                || maxRequestTime.isNegative() || maxRequestTime.isZero())
            throw new IllegalArgumentException("web limits must be positive and the body limit at least the source limit");
    }

    /** 64 KiB of source, 2,000,000 steps and 60 seconds a request, 64 sessions, 10 minutes' idle expiry. */
    public static WebLimits defaults() { return new WebLimits(64 * 1024, 256 * 1024, 2_000_000, 64, Duration.ofMinutes(10), Duration.ofSeconds(60)); }

    public WebLimits withMaxSessions(int n) { return new WebLimits(maxSourceBytes, maxBodyBytes, maxStepsPerRequest, n, idleExpiry, maxRequestTime); }

    public WebLimits withIdleExpiry(Duration d) { return new WebLimits(maxSourceBytes, maxBodyBytes, maxStepsPerRequest, maxSessions, d, maxRequestTime); }

    public WebLimits withMaxStepsPerRequest(long n) { return new WebLimits(maxSourceBytes, maxBodyBytes, n, maxSessions, idleExpiry, maxRequestTime); }

    public WebLimits withMaxRequestTime(Duration d) { return new WebLimits(maxSourceBytes, maxBodyBytes, maxStepsPerRequest, maxSessions, idleExpiry, d); }
}
