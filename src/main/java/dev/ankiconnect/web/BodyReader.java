package dev.ankiconnect.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Reads a request body with Servlet non-blocking IO: the container calls back when bytes have arrived, so a
 * client that sends one byte a second holds a connection but no thread. Bytes are counted against the
 * {@link BodyBudget}; a body with a declared length is read into one array of that length (no copy). When the
 * body is complete, too large or over the budget, the outcome is left in a request attribute and the request
 * is dispatched again to the filter, which answers it on a container thread.
 *
 * <p>The callbacks are synchronized and {@code done} lets the request be dispatched once, whatever the
 * container does: Payara
 * (Grizzly) was seen calling {@code onAllDataRead} on one thread while another was still in
 * {@code onDataAvailable}, and a second dispatch of an answered request then found no body and began reading
 * again ("Response already closed").
 */
final class BodyReader implements ReadListener {

    private static final Logger LOG = Logger.getLogger(BodyReader.class.getName());

    /** Request attribute: the {@link Outcome} of reading the body. */
    static final String OUTCOME = BodyReader.class.getName() + ".outcome";

    /** What came of reading: the body, or why there is none. */
    sealed interface Outcome {}

    record Body(byte[] bytes) implements Outcome {}

    record TooLarge() implements Outcome {}

    record Busy() implements Outcome {}

    private final AsyncContext async;
    private final ServletInputStream in;
    private final long declared;
    private final long limit;
    private final BodyBudget.Claim claim;
    private final byte[] chunk = new byte[16 * 1024];
    private byte[] buffer;
    private int size;
    private boolean done;

    private BodyReader(AsyncContext async, ServletInputStream in, long declared, long limit, BodyBudget.Claim claim) {
        this.async = async;
        this.in = in;
        this.declared = declared;
        this.limit = limit;
        this.claim = claim;
        this.buffer = new byte[declared > 0 ? (int) declared : 1024];
    }

    /**
     * Starts reading the body of {@code async}'s request; {@code declared} is its Content-Length (at most
     * {@code limit}, and already taken from the claim) or -1.
     */
    static void start(AsyncContext async, long declared, long limit, BodyBudget.Claim claim) throws IOException {
        ServletInputStream in = async.getRequest().getInputStream();
        in.setReadListener(new BodyReader(async, in, declared, limit, claim));
    }

    @Override
    public synchronized void onDataAvailable() throws IOException {
        while (!done && in.isReady()) {
            int n = in.read(chunk);
            if (n < 0) {
                return; // onAllDataRead follows
            }
            Outcome refused = append(n);
            if (refused != null) {
                finish(refused);
                return;
            }
            if (size == declared) {
                // the whole declared body is here: answer now, without asking isReady() again. On Payara that
                // call queues onAllDataRead on another thread, which could run after the request was answered
                // and its objects given to the next request on the connection.
                finish(new Body(buffer));
                return;
            }
        }
    }

    /** Adds {@code n} bytes of {@link #chunk} to the body: null, or why the body is refused. */
    private Outcome append(int n) {
        if ((long) size + n > limit) {
            return new TooLarge();
        }
        if (size + n > buffer.length) {
            // only a body without a declared length grows (or one longer than declared): count the growth
            int grown = (int) Math.min(limit, Math.max((long) buffer.length * 2, (long) size + n));
            if (!claim.take(grown - buffer.length)) {
                return new Busy();
            }
            buffer = Arrays.copyOf(buffer, grown);
        }
        System.arraycopy(chunk, 0, buffer, size, n);
        size += n;
        return null;
    }

    /**
     * Reads the body on this thread, with the same limit and budget as the non-blocking reader. Only for a
     * request that asks to upgrade to HTTP/2 over cleartext ({@code HTTP2-Settings}, what Java's HttpClient
     * sends by default): Payara's Grizzly breaks the upgraded connection when such a request is answered
     * asynchronously (NullPointerException in Http2ServerFilter, the client reads EOF). A reverse proxy never
     * forwards that header, and the container's own read time-out still bounds a slow sender.
     */
    static Outcome readBlocking(ServletInputStream in, long declared, long limit, BodyBudget.Claim claim)
            throws IOException {
        BodyReader reader = new BodyReader(null, in, declared, limit, claim);
        int n;
        while ((n = in.read(reader.chunk)) >= 0) {
            Outcome refused = reader.append(n);
            if (refused != null) {
                return refused;
            }
        }
        return new Body(
                reader.size == reader.buffer.length ? reader.buffer : Arrays.copyOf(reader.buffer, reader.size));
    }

    @Override
    public synchronized void onAllDataRead() {
        if (!done) {
            finish(new Body(size == buffer.length ? buffer : Arrays.copyOf(buffer, size)));
        }
    }

    @Override
    public synchronized void onError(Throwable t) {
        // the client went away or timed out mid-body: nobody reads an answer, but the request must end
        // (the AsyncListener of the filter answers a time-out and ends the request)
        LOG.fine(() -> "request body not read: " + t);
        done = true;
        buffer = null;
    }

    private void finish(Outcome outcome) {
        done = true;
        buffer = null;
        ServletRequest request = async.getRequest();
        request.setAttribute(OUTCOME, outcome);
        try {
            async.dispatch();
        } catch (IllegalStateException e) {
            // the request already ended (timed out or closed): give its bytes back
            claim.close();
        }
    }
}
