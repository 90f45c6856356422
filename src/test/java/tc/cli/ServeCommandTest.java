package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** {@code tc serve}'s refusals: one readable line and exit 1, no stack trace (serving itself is tested in tc.web). */
class ServeCommandTest {
    @Test void aBadPortIsRefused() {
        Cli r = Cli.run("serve", "--port", "70000");
        assertEquals(Main.FAILURE, r.exit());
        assertEquals("tc: error: --port must be 0..65535, got 70000", r.err().strip());
    }

    @Test void aPortInUseIsOneReadableError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Cli r = Cli.run("serve", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(Main.FAILURE, r.exit());
            assertTrue(r.err().startsWith("tc: error: cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.err());
            assertTrue(!r.err().contains("\tat "), r.err());
        }
    }

    @Test void helpNamesTheOptions() {
        Cli r = Cli.run("serve", "--help");
        assertEquals(Main.OK, r.exit());
        assertTrue(r.out().contains("--port") && r.out().contains("--host") && r.out().contains("--max-sessions"), r.out());
    }
}
