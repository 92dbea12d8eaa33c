package dev.ankiconnect.bench;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client on one keep-alive connection: small enough that the load generator
 * costs the shared CPU far less than the server it measures. Every read waits at most the
 * timeout ({@link java.net.SocketTimeoutException}); after any failure, {@link #reconnect()}.
 */
final class KeepAliveClient implements Closeable {

    /** Default read timeout: long enough for any healthy reply, short enough that a hang cannot stall a run. */
    static final int DEFAULT_TIMEOUT_MS = 30_000;

    private final String host;
    private final int port;
    private final String path;
    private final int timeoutMs;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] request;
    private byte[] lastBody = new byte[0];

    KeepAliveClient(String host, int port, String path, String body) throws IOException {
        this(host, port, path, body, DEFAULT_TIMEOUT_MS);
    }

    /** A client whose {@link #send()} sends {@code body} (null: only {@link #send(String)}). */
    KeepAliveClient(String host, int port, String path, String body, int timeoutMs) throws IOException {
        this.host = host;
        this.port = port;
        this.path = path;
        this.timeoutMs = timeoutMs;
        connect();
        request = body == null ? null : request(body);
    }

    private byte[] request(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + b.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] r = new byte[h.length + b.length];
        System.arraycopy(h, 0, r, 0, h.length);
        System.arraycopy(b, 0, r, h.length, b.length);
        return r;
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.connect(new java.net.InetSocketAddress(host, port), timeoutMs);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMs);
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        out = socket.getOutputStream();
    }

    /** A new connection, after a timeout or a broken one (whatever was under way on the old one is dropped). */
    void reconnect() throws IOException {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the old connection is gone either way
        }
        connect();
    }

    /** Sends the fixed request once and returns the HTTP status; the body is kept for checking. */
    int send() throws IOException {
        return exchange(request);
    }

    /** Sends this body to the client's path once and returns the HTTP status; the reply body is kept. */
    int send(String body) throws IOException {
        return exchange(request(body));
    }

    private int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean close = false;
        String header;
        while (!(header = line()).isEmpty()) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(header.substring(colon + 1).trim());
            } else if (colon > 0
                    && header.substring(0, colon).equalsIgnoreCase("Connection")
                    && header.substring(colon + 1).trim().equalsIgnoreCase("close")) {
                close = true;
            }
        }
        if (length < 0) {
            throw new IOException("response without Content-Length");
        }
        byte[] body = lastBody.length == length ? lastBody : new byte[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                throw new IOException("connection closed mid-body");
            }
            read += n;
        }
        lastBody = body;
        if (close) {
            // The server ends keep-alive after its request limit (Tomcat: 100): reconnect, as clients do.
            socket.close();
            connect();
        }
        return code;
    }

    String lastBody() {
        return new String(lastBody, StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
