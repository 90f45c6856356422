package tc.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tc.loom.Engines;
import tc.loom.backend.CompileOptions;
import tc.loom.engine.Engine;

/** The JSON API (docs/web.md): one method per route, each on its tab's {@link Session}. */
final class Api {
    /** The engine and profile a page gets when it names none: the fastest transformer on the exact weights. */
    static final String DEFAULT_ENGINE = "fast", DEFAULT_PROFILE = "exact";
    /** Steps of the soft machine one request may trace. */
    static final int MAX_SOFT_STEPS = 400;

    private final Sessions sessions;
    private final WebLimits limits;
    private final DemoCatalog demos;

    Api(Sessions sessions, WebLimits limits, DemoCatalog demos) {
        this.sessions = sessions;
        this.limits = limits;
        this.demos = demos;
    }

    Object handle(String route, String method, Request r) {
        if (method.equals("GET")) {
            return switch (route) {
                case "engines" -> engines();
                case "demos" -> demos.all().stream().map(DemoCatalog.Demo::json).toList();
                case "tcdemos" -> FramebufferDemo.names();
                default -> throw new WebError(404, "no route GET /api/" + route);
            };
        }
        return switch (route) {
            case "session/open" -> {
                Session s = sessions.open();
                yield Map.of("id", s.id, "limits", WebServer.limitsJson(limits));
            }
            case "session/close" -> Map.of("closed", sessions.close(r.string("id")));
            case "cancel" -> {
                sessions.get(r.string("id")).cancelled.set(true);
                yield Map.of("cancelled", true);
            }
            case "compile" -> locked(r, s -> compile(s, r));
            case "debug" -> locked(r, s -> debug(s, r));
            case "demo/run" -> locked(r, s -> {
                DemoCatalog.Demo d = demos.get(r.string("name"));
                Engine e = DebugSession.engine(r.string("engine", DEFAULT_ENGINE), r.string("profile", null));
                return DemoRunner.run(d, demos.compiled(d), e, steps(r, "maxSteps", limits.maxStepsPerRequest()), s.stop);
            });
            case "tcdemo/start" -> locked(r, s -> {
                s.framebuffer = new FramebufferDemo(r.string("name"));
                return s.framebuffer.advance(0, s.stop);
            });
            case "tcdemo/continue" -> locked(r, s -> {
                if (s.framebuffer == null) throw new WebError(409, "no Tensor Computer demo in this session: start one first");
                return s.framebuffer.advance(steps(r, "steps", limits.maxStepsPerRequest()), s.stop);
            });
            case "snake/new" -> locked(r, s -> {
                s.snake = new SnakeGame(demos, DebugSession.engine(r.string("engine", DEFAULT_ENGINE), r.string("profile", null)));
                return s.snake.view();
            });
            case "snake/move" -> locked(r, s -> {
                if (s.snake == null) throw new WebError(409, "no Snake game in this session: start one first");
                s.snake.move((int) r.integer("key", 0));
                return s.snake.view();
            });
            case "soft" -> locked(r, s -> {
                String source = r.string("source", null);
                if (source != null) {
                    checkSource(source);
                    s.soft = new SoftView(source);
                }
                if (s.soft == null) throw new WebError(409, "no soft-machine program in this session: send its source first");
                long n = r.integer("steps", 40);
                if (n < 0 || n > MAX_SOFT_STEPS) throw WebError.badRequest("steps must be 0.." + MAX_SOFT_STEPS + ", got " + n);
                return s.soft.run(r.number("tau", 0.1), (int) n);
            });
            case "learn/start" -> locked(r, s -> {
                if (s.learn != null) s.learn.cancel();
                s.learn = new LearnJob(r.string("task", "add"), r.integer("seed", 1));
                return s.learn.view(0);
            });
            case "learn/poll" -> {
                Session s = sessions.get(r.string("id"));
                LearnJob job = s.learn;
                if (job == null) throw new WebError(409, "no learning run in this session: start one first");
                yield job.view(r.integer("since", 0));
            }
            case "learn/cancel" -> {
                Session s = sessions.get(r.string("id"));
                if (s.learn != null) s.learn.cancel();
                yield Map.of("cancelled", s.learn != null);
            }
            default -> throw new WebError(404, "no route POST /api/" + route);
        };
    }

    /** Runs {@code action} holding the session's lock, with its cancel flag lowered first. */
    private Object locked(Request r, Function<Session, Object> action) {
        Session s = sessions.get(r.string("id"));
        s.lock.lock();
        try {
            if (s.closed) throw new WebError(404, "unknown session '" + s.id + "' (closed or expired): reload the page");
            s.cancelled.set(false);
            s.stop = new StopSignal(s.cancelled, limits.maxRequestTime());
            return action.apply(s);
        } finally {
            s.touch();
            s.lock.unlock();
        }
    }

    private void checkSource(String source) {
        int bytes = source.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxSourceBytes())
            throw new WebError(413, "the source is " + bytes + " bytes; this server accepts at most " + limits.maxSourceBytes());
    }

    private long steps(Request r, String field, long otherwise) {
        long n = r.integer(field, otherwise);
        if (n < 1 || n > limits.maxStepsPerRequest())
            throw WebError.badRequest(field + " must be 1.." + limits.maxStepsPerRequest() + " (the steps one request may run), got " + n);
        return n;
    }

    private Object compile(Session s, Request r) {
        String source = r.string("source");
        checkSource(source);
        String engine = r.string("engine", DEFAULT_ENGINE), profile = r.string("profile", null);
        DebugSession.engine(engine, profile);
        s.debug = null;
        CompiledProgram compiled = CompiledProgram.compile("main.c", source, CompileOptions.defaults());
        s.debug = new DebugSession(compiled, engine, profile);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", compiled.program().config().name());
        m.put("instructions", compiled.program().size());
        m.put("assembly", compiled.assembly());
        m.put("view", s.debug.view("compiled"));
        return m;
    }

    private Object debug(Session s, Request r) {
        DebugSession d = s.debug;
        if (d == null) throw new WebError(409, "nothing compiled in this session: compile a program first");
        String action = r.string("action");
        boolean matrix = r.bool("matrix", true);
        return switch (action) {
            case "reset" -> {
                d.reset();
                yield d.view("reset", matrix);
            }
            case "step" -> d.view(d.run(steps(r, "count", 1), -1, java.util.Set.of(), s.stop, matrix), matrix);
            case "run" -> d.view(d.run(steps(r, "count", limits.maxStepsPerRequest()), -1, r.integers("breakpoints"), s.stop, matrix), matrix);
            case "runToLine" -> {
                long line = r.integer("line", -1);
                if (line < 1) throw WebError.badRequest("runToLine needs a line number, got " + line);
                yield d.view(d.run(steps(r, "count", limits.maxStepsPerRequest()), (int) line, r.integers("breakpoints"), s.stop, matrix), matrix);
            }
            default -> throw WebError.badRequest("unknown action '" + action + "': choose one of step, run, runToLine, reset");
        };
    }

    private static Map<String, Object> engines() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String name : Engines.names()) {
            Engine e = Engines.get(name);
            list.add(Map.of("name", name, "description", e.description(), "transformer", e instanceof tc.loom.engine.TransformerEngine));
        }
        return Map.of("engines", list, "profiles", Engines.PROFILES, "default", DEFAULT_ENGINE);
    }
}
