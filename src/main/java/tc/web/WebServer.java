package tc.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code tc serve}'s server: the pages (static files under tc/web/ on the class path) and the
 * JSON API of docs/web.md, on the JDK's {@link HttpServer}. Every request passes {@link Guard};
 * every answer to a refused or malformed request is a 4xx with {@code {"error": message}}, and an
 * unexpected failure is a 500 with a one-line message, never a stack trace.
 */
public final class WebServer implements AutoCloseable {
    private static final Pattern ASSET = Pattern.compile("/([a-z][a-z0-9-]*\\.(html|css|js|png))");
    private static final Map<String, String> PAGES = Map.of("/", "index.html", "/debugger", "debugger.html", "/demos", "demos.html",
            "/computer", "computer.html");

    private final HttpServer http;
    private final ExecutorService workers;
    private final ScheduledExecutorService sweeper;
    private final Guard guard;
    private final WebLimits limits;
    private final Sessions sessions;
    private final Api api;

    private WebServer(HttpServer http, WebLimits limits) {
        this.http = http;
        this.limits = limits;
        int port = http.getAddress().getPort();
        guard = new Guard(http.getAddress().getHostString(), port);
        sessions = new Sessions(limits);
        api = new Api(sessions, limits, new DemoCatalog());
        workers = Executors.newFixedThreadPool(16, r -> Thread.ofPlatform().daemon().name("tc-web").unstarted(r));
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("tc-web-expiry").unstarted(r));
        long every = Math.max(1, Math.min(30_000, limits.idleExpiry().toMillis() / 2));
        sweeper.scheduleAtFixedRate(sessions::expireIdle, every, every, TimeUnit.MILLISECONDS);
        http.setExecutor(workers);
        http.createContext("/", this::handle);
    }

    /**
     * Starts a server on {@code host} (a loopback address unless the caller says otherwise) and
     * {@code port} (0: a free one).
     *
     * @throws IOException when the address cannot be bound (in use, say)
     */
    public static WebServer start(String host, int port, WebLimits limits) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 64);
        WebServer server = new WebServer(http, limits);
        http.start();
        return server;
    }

    /** The address pages are served at, e.g. {@code http://127.0.0.1:41234/}. */
    public String url() {
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return "http://" + host + ":" + a.getPort() + "/";
    }

    public int port() { return http.getAddress().getPort(); }

    /** The session table, for tests in this package. */
    Sessions sessionTable() { return sessions; }

    /** Sessions alive now. */
    public int sessions() { return sessions.size(); }

    @Override public void close() {
        http.stop(0);
        sessions.closeAll();
        sweeper.shutdownNow();
        workers.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try {
                guard.check(ex.getRequestHeaders());
                String path = ex.getRequestURI().getPath();
                String method = ex.getRequestMethod();
                if (path.startsWith("/api/")) {
                    String body = method.equals("POST") ? body(ex) : "";
                    if (!method.equals("POST") && !method.equals("GET")) throw new WebError(405, "use GET or POST");
                    send(ex, 200, api.handle(path.substring("/api/".length()), method, Request.parse(body)));
                } else {
                    if (!method.equals("GET") && !method.equals("HEAD")) throw new WebError(405, "pages are read with GET");
                    asset(ex, path);
                }
            } catch (WebError e) {
                send(ex, e.status(), Map.of("error", e.getMessage()));
            } catch (CompiledProgram.CompileFailure e) {
                send(ex, 422, Map.of("error", e.getMessage(), "diagnostics", e.json()));
            } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
                // a bug of ours: the page gets one line, the terminal running tc serve the class of the failure
                System.err.println("tc serve: internal error on " + ex.getRequestURI().getPath() + ": " + e);
                send(ex, 500, Map.of("error", "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            }
        }
    }

    private String body(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        byte[] bytes = in.readNBytes(limits.maxBodyBytes() + 1);
        if (bytes.length > limits.maxBodyBytes())
            throw new WebError(413, "request body over " + limits.maxBodyBytes() + " bytes");
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void asset(HttpExchange ex, String path) throws IOException {
        String file = PAGES.get(path);
        if (file == null) {
            var m = ASSET.matcher(path);
            if (!m.matches()) throw new WebError(404, "no page " + path);
            file = m.group(1);
        }
        byte[] bytes;
        try (InputStream in = WebServer.class.getResourceAsStream("/tc/web/" + file)) {
            if (in == null) throw new WebError(404, "no page " + path);
            bytes = in.readAllBytes();
        }
        String type = file.endsWith(".html") ? "text/html; charset=utf-8" : file.endsWith(".css") ? "text/css; charset=utf-8"
                : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "image/png";
        ex.getResponseHeaders().set("Content-Type", type);
        headers(ex);
        ex.sendResponseHeaders(200, ex.getRequestMethod().equals("HEAD") ? -1 : bytes.length);
        if (!ex.getRequestMethod().equals("HEAD")) try (OutputStream out = ex.getResponseBody()) { out.write(bytes); }
    }

    /** Pages may load only their own scripts (no inline script) and styles, and no other site may frame them. */
    private static void headers(HttpExchange ex) {
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
    }

    private static void send(HttpExchange ex, int status, Object json) throws IOException {
        byte[] bytes;
        try {
            bytes = Request.JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            status = 500;
            bytes = "{\"error\":\"internal error: the answer could not be written as JSON\"}".getBytes(StandardCharsets.UTF_8);
        }
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        headers(ex);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) { out.write(bytes); }
    }

    /** The status and limits a page shows. */
    static Map<String, Object> limitsJson(WebLimits limits) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxSourceBytes", limits.maxSourceBytes());
        m.put("maxStepsPerRequest", limits.maxStepsPerRequest());
        m.put("maxSessions", limits.maxSessions());
        m.put("idleSeconds", limits.idleExpiry().toSeconds());
        m.put("requestSeconds", limits.maxRequestTime().toSeconds());
        return m;
    }

}
