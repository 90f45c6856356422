/**
 * {@code tc serve}: a local web app on the JDK's HTTP server (no dependency) with the debugger,
 * the demos and the Tensor Computer's soft machine as pages (bundled under
 * {@code src/main/resources/tc/web/}, no CDN). Every run is a server-side {@link tc.web.Session},
 * one per browser tab, with step limits and cancellation; {@link tc.web.Guard} refuses other
 * origins. docs/web.md describes the pages and the HTTP API.
 */
package tc.web;
