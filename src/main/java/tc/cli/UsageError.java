package tc.cli;

/**
 * A bad option value or combination found where no picocli {@code CommandLine} is at hand (in a
 * mixin or a loader): reported like picocli's own usage errors, {@code tc: error: <message>}
 * and a pointer to the command's help, with exit code 2.
 */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message, null, false, false);
    }
}
