package tc.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A test's client of a {@link WebServer}: JSON posts over the loopback, and raw requests for headers HttpClient will not send. */
final class WebClient {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status and JSON body. */
    record Answer(int status, JsonNode body, String text) {
        String error() { return body.path("error").asText(null); }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    WebClient(WebServer server) { base = "http://127.0.0.1:" + server.port(); }

    Answer post(String path, String body, String origin) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) b.header("Origin", origin);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String ct = r.headers().firstValue("Content-Type").orElse("");
            return new Answer(r.statusCode(), ct.startsWith("application/json") ? JSON.readTree(r.body()) : JSON.createObjectNode(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer post(String path, ObjectNode body) { return post(path, body.toString(), null); }

    Answer get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            String ct = r.headers().firstValue("Content-Type").orElse("");
            return new Answer(r.statusCode(), ct.startsWith("application/json") ? JSON.readTree(r.body()) : JSON.createObjectNode(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new session's id (the answer must be 200). */
    String open() {
        Answer a = post("/api/session/open", JSON.createObjectNode());
        if (a.status() != 200) throw new AssertionError("session/open answered " + a.status() + ": " + a.text());
        return a.body().get("id").asText();
    }

    static ObjectNode body(String id) {
        ObjectNode n = JSON.createObjectNode();
        if (id != null) n.put("id", id);
        return n;
    }

    /** The raw status line and body of a request sent over a socket with the given Host header. */
    static String raw(int port, String host, String method, String path, String body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            String req = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nContent-Length: " + b.length
                    + "\r\nConnection: close\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(req.getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
