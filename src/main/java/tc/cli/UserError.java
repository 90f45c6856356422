package tc.cli;

/** A problem with what the user asked for, reported as one line {@code tc: error: <message>}. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message, null, false, false);
    }
}
