package dev.ankiconnect.media;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 GET to an address that was already checked, so the connection goes exactly where
 * the check looked (no second DNS lookup that a rebinding DNS server could answer differently).
 * https verifies the certificate against the URL's host name and sends it as SNI. The body is read
 * only for status 200: by Content-Length, chunked, or to the end; never more than maxBytes.
 */
final class HttpGet {

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    /** A response: status, Location header (or null), body (only for 200). */
    record Response(int status, String location, byte[] body) {}

    /** The body was larger than allowed; {@code size} is the announced length, or -1 if unknown. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final long size;

        TooLarge(long size) {
            super("too large");
            this.size = size;
        }
    }

    private HttpGet() {}

    static Response get(URI uri, InetAddress address, int timeoutMs, long maxBytes) throws IOException {
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        String host = uri.getHost();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            Socket s = socket;
            if (https) {
                SSLSocket ssl = (SSLSocket)
                        ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, bare(host), port, true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                if (!host.startsWith("[") && !host.matches("[0-9.]+")) {
                    params.setServerNames(List.of(new SNIHostName(host)));
                }
                ssl.setSSLParameters(params);
                ssl.startHandshake();
                s = ssl;
            }
            String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String hostHeader = host + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: AnkiConnect-Server\r\n"
                            + "Accept: */*\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(new BufferedInputStream(s.getInputStream()), maxBytes);
        } finally {
            socket.close();
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static Response read(InputStream in, long maxBytes) throws IOException {
        int status;
        String location = null;
        long length = -1;
        boolean chunked = false;
        int[] budget = {MAX_HEADER_BYTES};
        while (true) {
            String statusLine = line(in, budget);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP response");
            }
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP response");
            }
            for (String h = line(in, budget); !h.isEmpty(); h = line(in, budget)) {
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "location" -> location = value;
                    case "content-length" -> {
                        try {
                            length = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            throw new IOException("bad Content-Length");
                        }
                    }
                    case "transfer-encoding" ->
                        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    default -> {}
                }
            }
            if (status >= 200 || status == 101) {
                break;
            }
            // 1xx interim response: the real one follows.
            location = null;
            length = -1;
            chunked = false;
        }
        if (status != 200) {
            return new Response(status, location, null);
        }
        if (chunked) {
            return new Response(status, location, chunks(in, maxBytes));
        }
        if (length > maxBytes) {
            throw new TooLarge(length);
        }
        if (length >= 0) {
            byte[] body = in.readNBytes((int) length);
            if (body.length < length) {
                throw new IOException("connection closed before the whole body arrived");
            }
            return new Response(status, location, body);
        }
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            throw new TooLarge(-1);
        }
        return new Response(status, location, body);
    }

    private static byte[] chunks(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] budget = {MAX_HEADER_BYTES};
        while (true) {
            String sizeLine = line(in, budget);
            int semi = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size");
            }
            if (size == 0) {
                break;
            }
            if (size < 0 || body.size() + size > maxBytes) {
                throw new TooLarge(-1);
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new IOException("connection closed before the whole body arrived");
            }
            body.write(chunk);
            line(in, budget);
            budget[0] = MAX_HEADER_BYTES;
        }
        return body.toByteArray();
    }

    /** One CRLF- (or LF-) terminated line, ISO-8859-1, counted against the header budget. */
    private static String line(InputStream in, int[] budget) throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (b.length() == 0) {
                    throw new IOException("connection closed before the response arrived");
                }
                return b.toString();
            }
            if (--budget[0] < 0) {
                throw new IOException("response headers too long");
            }
            if (c == '\n') {
                int n = b.length();
                return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
            }
            b.append((char) c);
        }
    }
}
