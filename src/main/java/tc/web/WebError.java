package tc.web;

/** A request the server refuses: an HTTP status (4xx) and one readable message for the page. */
final class WebError extends RuntimeException {
    private final int status;

    WebError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() { return status; }

    static WebError badRequest(String message) { return new WebError(400, message); }
}
