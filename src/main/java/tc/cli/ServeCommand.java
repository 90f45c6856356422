package tc.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tc.web.WebLimits;
import tc.web.WebServer;

/** {@code tc serve}: the web debugger, demos and Tensor Computer pages on a local server (docs/web.md). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve the web debugger, the demos and the Tensor Computer pages on this machine, until interrupted.",
        footer = {"", "Examples:",
                "  tc serve                 (a free port on 127.0.0.1; open the URL it prints)",
                "  tc serve --port 8080"})
final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "Port to listen on (default: a free one).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; the pages refuse requests from other origins either way).")
    String host;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "64", description = "Sessions (browser tabs) alive at once (default: ${DEFAULT-VALUE}).")
    int maxSessions;

    @Override public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new UserError("--port must be 0..65535, got " + port);
        if (maxSessions < 1) throw new UserError("--max-sessions must be at least 1, got " + maxSessions);
        WebServer server;
        try {
            server = WebServer.start(host, port, WebLimits.defaults().withMaxSessions(maxSessions));
        } catch (IOException e) {
            throw new UserError("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { server.close(); stopped.countDown(); }));
        var out = spec.commandLine().getOut();
        out.println("tc serve: " + server.url() + "  (debugger, demos, Tensor Computer; Ctrl-C stops)");
        out.flush();
        stopped.await();
        return Main.OK;
    }
}
