package dev.ankiconnect.media;

import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.config.Settings;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.profile.ActiveProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The active profile's media folder, kept in the database (table {@code media}) so that every
 * server instance sharing the database sees the same files. Every query names the profile.
 * Content is only loaded where it is needed: existence and hash checks read the hash alone.
 */
@ApplicationScoped
public class MediaStore {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    Settings settings;

    /**
     * Stores data under the wanted name with Anki's rules ({@link FileNames#normalize}, then
     * Anki's add_data_to_folder_uniquely): a free name is used; a name holding the same content
     * is reused; otherwise the file is stored as {@code stem-<sha1>.ext}. With deleteExisting the
     * file of the normalised name is removed first, so the data replaces it.
     *
     * @return the name actually used
     */
    public String store(String wantedName, byte[] data, boolean deleteExisting) {
        checkSize(wantedName, data.length);
        String name = FileNames.normalize(wantedName);
        if (name.isEmpty()) {
            throw new Refusal(Refusal.Kind.MEDIA_NAME_EMPTY, wantedName);
        }
        String sha1 = sha1(data);
        long p = profile.id();
        if (deleteExisting) {
            delete(p, name);
        }
        Optional<String> existing = hashOf(p, name);
        if (existing.isEmpty()) {
            insert(p, name, sha1, data);
            return name;
        }
        if (existing.get().equals(sha1)) {
            return name;
        }
        String hashed = FileNames.withHashSuffix(name, sha1);
        Optional<String> hashedExisting = hashOf(p, hashed);
        if (hashedExisting.isEmpty()) {
            insert(p, hashed, sha1, data);
        } else if (!hashedExisting.get().equals(sha1)) {
            // Only possible for a row written outside these rules; the new content wins.
            delete(p, hashed);
            insert(p, hashed, sha1, data);
        }
        return hashed;
    }

    /** Refuses data over {@code maxMediaFileBytes}. */
    public void checkSize(String name, long size) {
        long max = maxBytes();
        if (size > max) {
            throw tooLarge(name, size, max);
        }
    }

    public long maxBytes() {
        return settings.config().longValue(ConfigKey.MAX_MEDIA_FILE_BYTES);
    }

    static Refusal tooLarge(String name, long size, long max) {
        return new Refusal(Refusal.Kind.MEDIA_TOO_LARGE, name, size, max);
    }

    /** The content of the file retrieveMediaFile names (looked up as AnkiConnect does), if any. */
    public Optional<byte[]> retrieve(String filename) {
        String name = FileNames.lookupName(filename);
        List<byte[]> rows = em().createQuery(
                        "select m.content from MediaFile m where m.profileId = :p and m.name = :f", byte[].class)
                .setParameter("p", profile.id())
                .setParameter("f", name)
                .getResultList();
        return rows.stream().findFirst();
    }

    /** The names matching a glob pattern ({@link MediaGlob}), sorted. */
    public List<String> names(String pattern) {
        MediaGlob glob = MediaGlob.compile(pattern);
        List<String> out = new ArrayList<>();
        for (String name : em().createNamedQuery("MediaFile.names", String.class)
                .setParameter("profile", profile.id())
                .getResultList()) {
            if (glob.matches(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** Deletes the named file (NFC, otherwise exact); a missing file is no error. */
    public void delete(String filename) {
        delete(profile.id(), java.text.Normalizer.normalize(filename, java.text.Normalizer.Form.NFC));
    }

    /** One file of the {@link #catalogue}: {@code mtime} in Unix seconds, {@code sha1} in hex. */
    public record CatalogueEntry(String name, long size, long mtime, String sha1) {}

    /** Name, size, mtime and hash of every file, without content (for the exported folder). */
    public List<CatalogueEntry> catalogue() {
        return em()
                .createQuery(
                        "select m.name, m.size, m.mtime, m.sha1 from MediaFile m where m.profileId = :p",
                        Object[].class)
                .setParameter("p", profile.id())
                .getResultList()
                .stream()
                .map(r -> new CatalogueEntry(
                        (String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), (String) r[3]))
                .toList();
    }

    /** The content of a file by its exact stored name. */
    public Optional<byte[]> content(String exactName) {
        return em().createQuery(
                        "select m.content from MediaFile m where m.profileId = :p and m.name = :f", byte[].class)
                .setParameter("p", profile.id())
                .setParameter("f", exactName)
                .getResultStream()
                .findFirst();
    }

    private Optional<String> hashOf(long p, String name) {
        return em().createQuery("select m.sha1 from MediaFile m where m.profileId = :p and m.name = :f", String.class)
                .setParameter("p", p)
                .setParameter("f", name)
                .getResultStream()
                .findFirst();
    }

    private void insert(long p, String name, String sha1, byte[] data) {
        MediaFile row = new MediaFile()
                .profileId(p)
                .fname(name)
                .sha1(sha1)
                .size(data.length)
                .mtime(System.currentTimeMillis() / 1000)
                .content(data);
        EntityManager em = em();
        em.persist(row);
        // Written now, so that a later query in the same action sees it and a clash fails here;
        // detached, so a bulk delete later in the action leaves no stale managed copy behind.
        try {
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            if (isKeyClash(e)) {
                throw new Refusal(Refusal.Kind.MEDIA_STORE_RACE, name);
            }
            throw e;
        }
        em.detach(row);
    }

    /** A unique-key violation (SQLState class 23), i.e. a concurrent insert of the same name. */
    static boolean isKeyClash(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private void delete(long p, String name) {
        em().createQuery("delete from MediaFile m where m.profileId = :p and m.name = :f")
                .setParameter("p", p)
                .setParameter("f", name)
                .executeUpdate();
    }

    private EntityManager em() {
        return tx.em();
    }

    public static String sha1(byte[] data) {
        return HexFormat.of().formatHex(digest("SHA-1", data));
    }

    public static String md5(byte[] data) {
        return HexFormat.of().formatHex(digest("MD5", data));
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the profile's media files, on the caller's EntityManager (Check Database, also without CDI). */
    public static List<String> names(EntityManager em, long profileId) {
        return em.createNamedQuery("MediaFile.names", String.class)
                .setParameter("profile", profileId)
                .getResultList();
    }
}
