package tc.computer.device;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Console in and out. Input bytes come from a stream (the CLI's {@code --stdin FILE} or standard
 * input) one at a time, −1 at the end; output bytes go to a stream (standard output) and are also
 * kept, so tests and the JSON summary can read them back.
 */
public final class Console {
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean ended;

    /** @param out where output bytes go as they are written; null keeps them only */
    public Console(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** Input from bytes, output kept only. */
    public Console(byte[] input) { this(new ByteArrayInputStream(input), null); }

    /** No input, output kept only. */
    public static Console empty() { return new Console(new byte[0]); }

    /** The next input byte 0..255, −1 at the end of input (and ever after). */
    public int read() {
        if (ended) return -1;
        try {
            int b = in.read();
            if (b < 0) ended = true;
            return b;
        } catch (IOException e) {
            throw new DeviceException("console input failed: " + e.getMessage());
        }
    }

    /** Appends {@code value & 0xFF} to the output. */
    public void write(int value) {
        int b = value & 0xFF;
        kept.write(b);
        if (out != null) {
            try {
                out.write(b);
            } catch (IOException e) {
                throw new DeviceException("console output failed: " + e.getMessage());
            }
        }
    }

    /** Flushes the output stream (the machine does it at the end of every run). */
    public void flush() {
        if (out == null) return;
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every byte written so far. */
    public byte[] output() { return kept.toByteArray(); }

    /** The output as ISO-8859-1 text (one char per byte). */
    public String outputText() { return kept.toString(StandardCharsets.ISO_8859_1); }
}
