package dev.ankiconnect.packages;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.api.NotFoundException;
import dev.ankiconnect.api.PythonJsonWriter;
import dev.ankiconnect.api.Reply;
import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.config.Settings;
import dev.ankiconnect.dispatch.ActionDispatcher;
import dev.ankiconnect.web.AnkiConnectFilter;
import dev.ankiconnect.web.CorsPolicy;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Packages over HTTP for clients without access to the server's disk:
 * {@code POST /packages/import} (the .apkg as the body) and
 * {@code GET /packages/export?deck=NAME&includeSched=true|false}. The API key goes in the
 * {@code X-AnkiConnect-Key} header or the {@code key} query parameter; origins follow the same
 * CORS rules as the JSON endpoint. Errors are AnkiConnect's {@code {"result": null, "error": ...}}
 * with a status saying what went wrong.
 */
@WebServlet(urlPatterns = "/packages/*")
public class PackageServlet extends HttpServlet {

    static final String KEY_HEADER = AnkiConnectFilter.KEY_HEADER;

    @Inject
    Settings settings;

    @Inject
    ActionDispatcher dispatcher;

    @Inject
    Packages packages;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CorsPolicy.Decision decision = new CorsPolicy(
                        settings.config().list(ConfigKey.WEB_CORS_ORIGIN_LIST),
                        settings.config().string(ConfigKey.WEB_CORS_ORIGIN))
                .decide(request.getHeader("Origin"));
        response.setHeader("Access-Control-Allow-Origin", decision.allowOrigin());
        response.setHeader("Access-Control-Allow-Headers", "*");
        response.setHeader("Access-Control-Expose-Headers", "Content-Disposition");
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentLength(0);
            return;
        }
        if (!decision.allowed()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentLength(0);
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String action = switch (path) {
            case "/import" -> "importPackage";
            case "/export" -> "exportPackage";
            default -> null;
        };
        if (action == null) {
            json(response, HttpServletResponse.SC_NOT_FOUND, Reply.error(ApiErrors.unknownPackageEndpoint(path)));
            return;
        }
        String wanted = action.equals("importPackage") ? "POST" : "GET";
        if (!wanted.equals(method)) {
            response.setHeader("Allow", wanted + ", OPTIONS");
            json(
                    response,
                    HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    Reply.error(ApiErrors.wrongMethod(path, wanted, method)));
            return;
        }
        if (!dispatcher.keyCheck().accepts(action, key(request))) {
            json(response, HttpServletResponse.SC_FORBIDDEN, Reply.error(ApiErrors.INVALID_API_KEY));
            return;
        }
        if (action.equals("importPackage")) {
            upload(request, response);
        } else {
            download(request, response);
        }
    }

    /** The key as the JSON endpoint sees it: a string when given, absent otherwise. */
    private static JsonValue key(HttpServletRequest request) {
        return AnkiConnectFilter.endpointKey(request);
    }

    /** A parameter of the URL's query string, or null (never the servlet's parameter map). */
    static String query(HttpServletRequest request, String name) {
        return AnkiConnectFilter.queryParameter(request, name);
    }

    private void upload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long limit = settings.config().longValue(ConfigKey.MAX_PACKAGE_BYTES);
        if (request.getContentLengthLong() > limit) {
            json(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge(limit));
            return;
        }
        Path tmp = Files.createTempFile(packages.paths().realRoot(), ".upload-", ".apkg");
        try {
            long total = 0;
            try (InputStream in = request.getInputStream();
                    OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) != -1; ) {
                    total += n;
                    if (total > limit) {
                        json(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge(limit));
                        return;
                    }
                    out.write(buf, 0, n);
                }
            }
            if (total == 0) {
                json(response, HttpServletResponse.SC_BAD_REQUEST, Reply.error(ApiErrors.EMPTY_PACKAGE_BODY));
                return;
            }
            JsonValue reply = run("importPackage", () -> {
                packages.importFile(tmp);
                return JsonValue.TRUE;
            });
            json(response, isError(reply) ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_OK, reply);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void download(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String deck = query(request, "deck");
        if (deck == null) {
            json(response, HttpServletResponse.SC_BAD_REQUEST, Reply.error(ApiErrors.missingQueryParameter("deck")));
            return;
        }
        String sched = query(request, "includeSched");
        boolean includeSched = sched != null && (sched.equalsIgnoreCase("true") || sched.equals("1"));
        Path[] file = new Path[1];
        JsonValue reply = run("exportPackage", () -> {
            Optional<Path> p = packages.exportToTemp(deck, includeSched);
            p.ifPresent(f -> file[0] = f);
            return p.isPresent() ? JsonValue.TRUE : JsonValue.FALSE;
        });
        if (isError(reply)) {
            json(response, HttpServletResponse.SC_BAD_REQUEST, reply);
            return;
        }
        if (file[0] == null) {
            json(
                    response,
                    HttpServletResponse.SC_NOT_FOUND,
                    Reply.error(ApiErrors.message(new NotFoundException(NotFoundException.Kind.DECK, deck))));
            return;
        }
        try {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/octet-stream");
            response.setContentLengthLong(Files.size(file[0]));
            String name = deck.replaceAll("[\\\\/:*?\"<>|\\x00-\\x1f]", "_") + ".apkg";
            response.setHeader(
                    "Content-Disposition",
                    "attachment; filename=\"" + name.replace("\"", "_").replaceAll("[^\\x20-\\x7e]", "_")
                            + "\"; filename*=UTF-8''"
                            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
            try (OutputStream out = response.getOutputStream()) {
                Files.copy(file[0], out);
            }
        } finally {
            Files.deleteIfExists(file[0]);
        }
    }

    /**
     * Runs the work as the dispatcher runs {@code action}: its transaction, its read-only mark, the write counter
     * and the retry (the key and its throttle were checked by the filter).
     */
    private JsonValue run(String action, ActionDispatcher.Work<JsonValue> work) {
        try {
            return Reply.success(6, dispatcher.asAction(action, work));
        } catch (Throwable failure) {
            return Reply.error(ApiErrors.message(failure));
        } finally {
            // before the download streams to a client that may read slowly
            dispatcher.release();
        }
    }

    private static boolean isError(JsonValue reply) {
        return reply instanceof JsonObject o && o.get("error") instanceof JsonString;
    }

    private static JsonObject tooLarge(long limit) {
        return Reply.error(ApiErrors.packageTooLarge(limit));
    }

    private static void json(HttpServletResponse response, int status, JsonValue body) throws IOException {
        byte[] bytes = PythonJsonWriter.write(body).getBytes(StandardCharsets.US_ASCII);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
