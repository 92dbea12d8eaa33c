package dev.ankiconnect.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The study pages: the static files under {@code WEB-INF/study/} of the WAR, served at {@code /study/} by GET and
 * HEAD with no key (the pages are public; the data they show comes from the API, which checks the key). The
 * container's default servlet serves nothing here (the JSON endpoint owns {@code /}), so this one reads the files
 * through {@link jakarta.servlet.ServletContext#getResourceAsStream}, which every container offers. Any other
 * request to {@code /study/...} is an AnkiConnect request as on every other path: the filter parsed and checked it,
 * and it goes on to the JSON endpoint.
 */
@WebServlet(
        urlPatterns = {AnkiConnectFilter.STUDY_PATH, AnkiConnectFilter.STUDY_PATH + "/*"},
        asyncSupported = true)
public class StudyServlet extends HttpServlet {

    /** Where the files are kept in the WAR: under WEB-INF, so no other servlet serves them. */
    static final String ROOT = "/WEB-INF/study";

    /**
     * The pages' policy: their own scripts and styles only, API calls to their own origin, images and sounds from
     * data or blob URLs (media comes through retrieveMediaFile). Card HTML runs in a sandboxed frame without
     * scripts, which inherits this policy; its inline styles and the note type's css need 'unsafe-inline' for
     * styles, which can fetch nothing but data URLs.
     */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; media-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "frame-src 'self'; child-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** A path segment that names a file: no dot segments, separators, escapes or control characters. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");

    /** A file read once: the files are part of the WAR and never change while it is deployed. */
    private record File(byte[] body, String type, String etag) {}

    private final Map<String, File> files = new ConcurrentHashMap<>();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (request.getAttribute(AnkiConnectFilter.ENVELOPE) != null) {
            getServletContext()
                    .getNamedDispatcher(AnkiConnectServlet.class.getName())
                    .forward(request, response);
            return;
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            // Not reached while the filter is in place (it makes every other method an API request).
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String path = request.getPathInfo();
        if (path == null) {
            // "/study": the pages' relative links need the trailing slash. A relative Location, so that it holds
            // under any context path and behind a proxy that strips a prefix.
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", "study/");
            response.setContentLength(0);
            return;
        }
        File file = file(path.equals("/") ? "/index.html" : path);
        if (file == null) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("ETag", file.etag());
        // kept by the browser, but asked again each time (a 304 while the WAR is the same)
        response.setHeader("Cache-Control", "no-cache");
        if (matches(request.getHeader("If-None-Match"), file.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(file.type());
        response.setContentLength(file.body().length);
        if ("GET".equals(method)) {
            response.getOutputStream().write(file.body());
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(etag) || t.equals("*")) {
                return true;
            }
        }
        return false;
    }

    /** The file at this path (the container's decoded path info), or null: not there, or not a plain file name. */
    File file(String path) throws IOException {
        if (!path.startsWith("/")) {
            return null;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (String s : segments) {
            if (!SEGMENT.matcher(s).matches()) {
                return null;
            }
        }
        String last = segments[segments.length - 1];
        int dot = last.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(last.substring(dot + 1));
        if (type == null) {
            return null;
        }
        File known = files.get(path);
        if (known != null) {
            return known;
        }
        byte[] body;
        try (InputStream in = getServletContext().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return null;
            }
            body = in.readAllBytes();
        }
        File read = new File(body, type, "\"" + digest(body) + "\"");
        files.put(path, read);
        return read;
    }

    private static String digest(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
