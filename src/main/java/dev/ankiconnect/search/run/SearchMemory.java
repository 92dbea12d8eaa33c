package dev.ankiconnect.search.run;

import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.config.Settings;
import dev.ankiconnect.db.ConnectionGate;
import dev.ankiconnect.db.Database;
import dev.ankiconnect.db.DatabaseHolder;
import dev.ankiconnect.db.Sql;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionWritten;
import dev.ankiconnect.profile.ProfileStore;
import dev.ankiconnect.search.CollectionSnapshot;
import dev.ankiconnect.search.Subquery;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * In-memory copies of collections for findNotes / findCards ({@link CollectionSnapshot}), one per profile, each
 * labelled with the collection's write counter ({@code profile.CollectionGeneration}) read before its rows. A
 * search in a read-only action reads the counter (one indexed row) and uses the copy when the numbers agree; otherwise it
 * catches the copy up from the change record (the rows and graves stamped after the copy's counter, see
 * {@link #catchUp}), or reads the collection again when much of it changed. All copies together take at most {@code searchMemoryMb} (and a quarter of the
 * JVM's maximum heap); least recently searched copies are dropped first, a collection that does not fit is
 * searched with SQL alone (tried again ten minutes later), as is every collection when the key is 0.
 */
@ApplicationScoped
public class SearchMemory {

    private static final Logger LOG = Logger.getLogger(SearchMemory.class.getName());

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    Settings settings;

    @Inject
    DatabaseHolder database;

    /** Reads copies again after writes, in the background (see {@link #written}). */
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "search-copy-refresh");
        t.setDaemon(true);
        return t;
    });

    private final Map<Long, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    private record Held(CollectionSnapshot snapshot, long lastUsed) {}

    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    /** When a profile's collection was found too large: it is searched with SQL for a while before a new try. */
    private final Map<Long, Long> tooLarge = new ConcurrentHashMap<>();

    private static final long RETRY_TOO_LARGE_NANOS = 10L * 60 * 1_000_000_000;
    /** A read of a profile's copy in progress: others that need the same copy wait for it (bounded) instead of reading it too. */
    private record Loading(long gen, CompletableFuture<Optional<CollectionSnapshot>> result) {}

    private final Map<Long, Loading> loading = new ConcurrentHashMap<>();

    /** The heap all copies may take together: {@code searchMemoryMb}, at most a quarter of the JVM's maximum. */
    long budgetBytes() {
        long configured = settings.config().integer(ConfigKey.SEARCH_MEMORY_MB) * 1024L * 1024L;
        return Math.min(configured, Runtime.getRuntime().maxMemory() / 4);
    }

    /**
     * The copy of the active collection at write counter {@code gen} (read in the current transaction before
     * any row): the held one, or read anew. Empty when memory search is off or the collection is too large, and
     * when another request's read of the copy does not finish within {@code dbWaitMs}: the caller then searches
     * with SQL.
     */
    public Optional<CollectionSnapshot> current(long gen) {
        long budget = budgetBytes();
        if (budget <= 0) {
            return Optional.empty();
        }
        long id = profile.id();
        Optional<CollectionSnapshot> ready = fresh(id, gen);
        Long found = tooLarge.get(id);
        if (ready.isPresent() || (found != null && System.nanoTime() - found < RETRY_TOO_LARGE_NANOS)) {
            return ready;
        }
        return load(id, gen, budget, Sql.connection(tx));
    }

    /**
     * Reads the copy at {@code gen} on {@code connection}, the caller's own, unless another thread is reading it at
     * that counter or a newer one: then waits for that read, at most {@code dbWaitMs}. Holds no lock while it reads
     * or waits, and a reader needs no connection but its own, so readers and waiters cannot block each other.
     */
    private Optional<CollectionSnapshot> load(long id, long gen, long budget, Connection connection) {
        Loading mine = new Loading(gen, new CompletableFuture<>());
        Loading other = loading.compute(id, (k, current) -> current != null && current.gen() >= gen ? current : mine);
        if (other != mine) {
            return waitFor(other, id, gen);
        }
        try {
            Optional<CollectionSnapshot> result = read(id, gen, budget, connection);
            mine.result().complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(id, mine);
        }
    }

    private Optional<CollectionSnapshot> waitFor(Loading other, long id, long gen) {
        long waitMs = database.get().gate().waitMs();
        try {
            Optional<CollectionSnapshot> s = other.result().get(waitMs, TimeUnit.MILLISECONDS);
            // A newer copy than asked for is fine (it holds every write up to gen); mark it used.
            return s.isPresent() ? fresh(id, s.get().generation()).or(() -> s) : s;
        } catch (TimeoutException | ExecutionException e) {
            // that read is slow or failed: search with SQL on this request's own connection instead
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<CollectionSnapshot> read(long id, long gen, long budget, Connection connection) {
        Optional<CollectionSnapshot> ready = fresh(id, gen);
        if (ready.isPresent()) {
            return ready;
        }
        long start = System.nanoTime();
        Held before = held.get(id);
        if (before != null && before.snapshot().generation() > gen) {
            // caught up past gen meanwhile (a write committed since this request read the counter): it holds every
            // write up to gen, as a copy waited for does
            return fresh(id, before.snapshot().generation()).or(() -> Optional.of(before.snapshot()));
        }
        if (before != null && before.snapshot().generation() < gen) {
            CollectionSnapshot caught = catchUp(connection, id, before.snapshot(), gen);
            if (caught != null && caught.estimatedBytes() <= budget) {
                held.merge(
                        id,
                        new Held(caught, System.nanoTime()),
                        (old, neu) ->
                                old.snapshot().generation() > neu.snapshot().generation() ? old : neu);
                evict(id, budget);
                LOG.fine(() -> String.format(
                        java.util.Locale.ROOT,
                        "search copy of profile %d caught up from %d to %d" + " in %.1f ms",
                        id,
                        before.snapshot().generation(),
                        gen,
                        (System.nanoTime() - start) / 1e6));
                return Optional.of(caught);
            }
        }
        CollectionSnapshot s = read(connection, id, gen, budget);
        if (s == null) {
            held.remove(id);
            tooLarge.put(id, System.nanoTime());
            LOG.info(() -> "profile " + id + ": collection larger than the search memory (" + budget / (1024 * 1024)
                    + " MB, searchMemoryMb), searched with SQL");
            return Optional.empty();
        }
        tooLarge.remove(id);
        held.merge(
                id,
                new Held(s, System.nanoTime()),
                (old, neu) -> old.snapshot().generation() > neu.snapshot().generation() ? old : neu);
        evict(id, budget);
        LOG.fine(() -> String.format(
                java.util.Locale.ROOT,
                "search copy of profile %d: %d notes, %d cards," + " about %d MB, read in %.0f ms",
                id,
                s.noteCount(),
                s.cardCount(),
                s.estimatedBytes() / (1024 * 1024),
                (System.nanoTime() - start) / 1e6));
        return Optional.of(s);
    }

    /** Quiet time after a write before the copy is read again in the background (a burst of writes waits). */
    static final long REFRESH_DELAY_MS = 150;

    /**
     * A write to a collection was committed on this instance: if it has a copy, read it again in the
     * background once writes pause, so that the next search finds it current instead of reading it itself.
     * A search arriving during that read waits for it rather than reading twice.
     */
    void written(@Observes CollectionWritten event) {
        long id = event.profileId();
        if (!held.containsKey(id)) {
            return;
        }
        pending.compute(id, (k, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            return refresher.schedule(() -> refresh(id), REFRESH_DELAY_MS, TimeUnit.MILLISECONDS);
        });
    }

    private void refresh(long id) {
        pending.remove(id);
        long budget = budgetBytes();
        if (budget <= 0 || !held.containsKey(id)) {
            return;
        }
        Database db = database.get();
        ConnectionGate.Permit turn = db.gate().tryBackground();
        if (turn == null) {
            // the background connections are busy: the next search reads the copy itself
            return;
        }
        EntityManager em = db.emf().createEntityManager();
        try (turn) {
            em.getTransaction().begin();
            Connection c = em.unwrap(Connection.class);
            OptionalLong gen = ProfileStore.generation(c, id);
            if (gen.isEmpty()) {
                held.remove(id);
                return;
            }
            load(id, gen.getAsLong(), budget, c);
        } catch (RuntimeException e) {
            // only an optimisation: the next search reads the copy itself
            LOG.log(java.util.logging.Level.FINE, "background read of the search copy failed", e);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private Optional<CollectionSnapshot> fresh(long id, long gen) {
        Held h = held.get(id);
        if (h == null || h.snapshot().generation() != gen) {
            return Optional.empty();
        }
        held.put(id, new Held(h.snapshot(), System.nanoTime()));
        return Optional.of(h.snapshot());
    }

    /** Drops the least recently used other copies until the copies held fit in {@code budget} bytes. */
    private void evict(long keep, long budget) {
        while (true) {
            long total = held.values().stream()
                    .mapToLong(h -> h.snapshot().estimatedBytes())
                    .sum();
            if (total <= budget) {
                return;
            }
            Long oldest = held.entrySet().stream()
                    .filter(e -> e.getKey() != keep)
                    .min((a, b) ->
                            Long.compare(a.getValue().lastUsed(), b.getValue().lastUsed()))
                    .map(Map.Entry::getKey)
                    .orElse(null);
            if (oldest == null) {
                return;
            }
            held.remove(oldest);
        }
    }

    /** Reads every note and card of the profile on {@code connection}, or returns null past {@code budget} bytes. */
    private static CollectionSnapshot read(Connection connection, long id, long gen, long budget) {
        CollectionSnapshot.Builder b = CollectionSnapshot.builder(gen);
        if (!readNotes(connection, id, budget, b) || !readCards(connection, id, budget, b)) {
            return null;
        }
        return b.build();
    }

    /**
     * {@code old} brought up to counter {@code gen} (read by the caller before any row) from the change record
     * (db/changes/changes-1.xml): the graves stamped after {@code old}'s counter, then the notes and cards stamped
     * after it, applied to a new snapshot ({@link CollectionSnapshot#withChanges}); rows written after {@code gen}
     * may be among them and are applied again at the next catch-up. Null when more rows changed than a fifth of the
     * collection: reading all of it is then as cheap.
     */
    static CollectionSnapshot catchUp(Connection c, long id, CollectionSnapshot old, long gen) {
        long since = old.generation();
        int limit = Math.max(256, (old.noteCount() + old.cardCount()) / 5);
        CollectionSnapshot.Builder delta = CollectionSnapshot.builder(gen);
        int rows = 0;
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT oid, type FROM graves" + Sql.index("ix_graves_stamp")
                    + "WHERE profile_id = ? AND stamp > ?")) {
                ps.setLong(1, id);
                ps.setLong(2, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (++rows > limit) {
                            return null;
                        }
                        switch (rs.getInt(2)) {
                            case 0 -> delta.goneCard(rs.getLong(1));
                            case 1 -> delta.goneNote(rs.getLong(1));
                            default -> {
                                // a deck: its cards have graves of their own
                            }
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + NOTE_COLUMNS + " FROM notes"
                    + Sql.index("ix_notes_stamp") + "WHERE profile_id = ? AND stamp > ?")) {
                ps.setLong(1, id);
                ps.setLong(2, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (++rows > limit) {
                            return null;
                        }
                        note(rs, delta);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + CARD_COLUMNS + " FROM cards"
                    + Sql.index("ix_cards_stamp") + "WHERE profile_id = ? AND stamp > ?")) {
                ps.setLong(1, id);
                ps.setLong(2, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (++rows > limit) {
                            return null;
                        }
                        card(rs, delta);
                    }
                }
            }
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
        return old.withChanges(delta);
    }

    /** The note columns a snapshot holds, in the order {@link #note} reads them. */
    private static final String NOTE_COLUMNS = "id, mid, mtime, tags, sfld, flds";

    /** The card columns a snapshot holds, in the order {@link #card} reads them. */
    private static final String CARD_COLUMNS =
            "id, nid, did, odid, ord, ctype, queue, due, odue, ivl, factor, reps, lapses, flags, data";

    /** Hands the current row, selected as {@link #NOTE_COLUMNS}, to {@code b}: the full read's and the catch-up's. */
    private static void note(ResultSet rs, CollectionSnapshot.Builder b) throws SQLException {
        b.note(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), Sql.text(rs, 6));
    }

    /** Hands the current row, selected as {@link #CARD_COLUMNS}, to {@code b}: the full read's and the catch-up's. */
    private static void card(ResultSet rs, CollectionSnapshot.Builder b) throws SQLException {
        b.card(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getInt(7),
                rs.getLong(8),
                rs.getLong(9),
                rs.getInt(10),
                rs.getInt(11),
                rs.getInt(12),
                rs.getInt(13),
                rs.getInt(14),
                rs.getString(15));
    }

    /** Derby: a table scan (without the hint a parameterised profile_id picks an index and fetches row by row). */
    private static final String SCAN = Sql.index("null");

    private static boolean readNotes(Connection c, long id, long budget, CollectionSnapshot.Builder b) {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + NOTE_COLUMNS + " FROM notes" + SCAN + "WHERE profile_id = ?")) {
            ps.setLong(1, id);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (b.noteBytes() > budget) {
                        return false;
                    }
                    note(rs, b);
                }
            }
            return true;
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    private static boolean readCards(Connection c, long id, long budget, CollectionSnapshot.Builder b) {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + CARD_COLUMNS + " FROM cards" + SCAN + "WHERE profile_id = ?")) {
            ps.setLong(1, id);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (b.bytes() > budget) {
                        return false;
                    }
                    card(rs, b);
                }
            }
            return true;
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    /** Stops the refresh thread and waits for it (bounded), so that no thread of the application outlives it. */
    @PreDestroy
    void stop() {
        refresher.shutdownNow();
        try {
            if (!refresher.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warning("search-copy-refresh did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The card ids a revlog sub-query selects (rated:, introduced:, prop:rated, prop:resched). */
    public Set<Long> cards(Subquery q) {
        Set<Long> out = new HashSet<>();
        Sql.each(Sql.connection(tx), q.sql(), q.params(), rs -> out.add(rs.getLong(1)));
        return out;
    }
}
