package tc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import tc.source.CompileException;

/**
 * Turns every failure into one readable line on stderr (or a compiler diagnostic) and an exit
 * code: users of a command-line tool should never see a stack trace. Set TC_DEBUG=1 to get one.
 */
final class Errors {
    private Errors() {}

    /** Usage errors (bad options, missing arguments): exit 2 with a pointer to the help. */
    static int onUsageError(ParameterException ex, String[] args) {
        return usage(ex.getCommandLine(), ex.getMessage());
    }

    private static int usage(CommandLine cl, String message) {
        PrintWriter err = cl.getErr();
        err.println("tc: error: " + message);
        String path = cl.getCommandSpec().qualifiedName();
        err.println("try '" + path + " --help'");
        err.flush();
        return Main.USAGE;
    }

    /** Failures while a command runs: user errors, compile errors, I/O errors and bugs. */
    static int onExecutionError(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        cl.getOut().flush();
        if (ex instanceof ParameterException pe) return onUsageError(pe, parsed.originalArgs().toArray(new String[0]));
        if (ex instanceof UsageError ue) return usage(cl, ue.getMessage());
        err.println(describe(ex));
        if (System.getenv("TC_DEBUG") != null) ex.printStackTrace(err);
        err.flush();
        return Main.FAILURE;
    }

    /** The message to show for {@code ex}: a diagnostic, or one line starting with "tc: error: ". */
    static String describe(Throwable ex) {
        if (ex instanceof CompileException ce) return ce.diagnostic().format();
        if (ex instanceof UserError ue) return "tc: error: " + ue.getMessage();
        if (ex instanceof UncheckedIOException uio) return describe(uio.getCause());
        if (ex instanceof IOException io) return "tc: error: " + ioMessage(io);
        if (ex instanceof IllegalArgumentException iae) return "tc: error: " + iae.getMessage();
        if (ex instanceof UnsupportedOperationException uoe)
            return "tc: error: not available in this build: " + uoe.getMessage();
        if (ex instanceof OutOfMemoryError)
            return "tc: error: out of Java heap memory (try a smaller program or --max-steps)";
        if (ex instanceof StackOverflowError)
            return "tc: error: the program is nested too deeply for the compiler (Java stack overflow)";
        return "tc: error: internal error: " + ex + " (please report it; TC_DEBUG=1 shows the stack trace)";
    }

    /** One line for an I/O failure, naming the file as the user wrote it. */
    static String ioMessage(IOException io) {
        if (io instanceof NoSuchFileException f) return "cannot read " + f.getFile() + ": no such file";
        if (io instanceof AccessDeniedException f) return "cannot access " + f.getFile() + ": permission denied";
        if (io instanceof CharacterCodingException) return "input is not valid UTF-8 text";
        if (io instanceof FileSystemException f)
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
        return io.getMessage() != null ? io.getMessage() : io.toString();
    }
}
