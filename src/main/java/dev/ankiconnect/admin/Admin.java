package dev.ankiconnect.admin;

import dev.ankiconnect.card.CardStore;
import dev.ankiconnect.check.CheckReport;
import dev.ankiconnect.check.CollectionCheck;
import dev.ankiconnect.config.Config;
import dev.ankiconnect.config.ConfigException;
import dev.ankiconnect.config.ConfigLoader;
import dev.ankiconnect.db.Database;
import dev.ankiconnect.db.Work;
import dev.ankiconnect.profile.ProfileStore;
import dev.ankiconnect.profile.Profiles;
import dev.ankiconnect.user.ApiKeys;
import dev.ankiconnect.user.UserStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The administration tool: users, API keys and profiles in the server database the
 * configuration names (the same file, system properties and environment variables as the
 * server). Run with the WAR's classes and libraries on the class path, see {@code scripts/admin.sh}.
 *
 * <pre>
 * admin.sh [--config FILE] user add NAME | user remove NAME | user list
 *          key issue USER [LABEL] | key list USER | key revoke KEY_ID
 *          profile add USER PROFILE | profile assign PROFILE USER | profile list
 *          check PROFILE
 * </pre>
 *
 * With embedded Derby (the default database) stop the server first: only one process may open it.
 */
public final class Admin {

    static final String USAGE = String.join(
            "\n",
            "usage: admin [--config FILE] COMMAND",
            "  user add NAME              create a user (their first profile, named NAME, is made on first use)",
            "  user remove NAME           remove a user and revoke their keys (their profiles are kept, unowned)",
            "  user list                  list users",
            "  key issue USER [LABEL]     issue an API key; it is printed once and stored only as a salted hash",
            "  key list USER              list a user's keys (id, label, created), never the keys themselves",
            "  key revoke KEY_ID          revoke a key by its id (the 16 hex digits after ak_)",
            "  profile add USER PROFILE   create a profile owned by USER (profile names are unique server-wide)",
            "  profile assign PROFILE USER  give an existing profile (e.g. from single-user mode) to USER",
            "  profile list               list all profiles and their owners",
            "  check PROFILE              check and repair the profile's collection, as guiCheckDatabase (prints what it fixed)",
            "FILE defaults to $ANKICONNECT_CONFIG (scripts/admin.sh passes the WAR's WEB-INF/ankiconnect.properties);",
            "keys can be overridden with -Dankiconnect.KEY=... or ANKICONNECT_KEY variables as for the server.");

    private Admin() {}

    public static void main(String[] args) {
        Logger.getLogger("").setLevel(Level.WARNING);
        for (var h : Logger.getLogger("").getHandlers()) {
            h.setLevel(Level.WARNING);
        }
        // Liquibase prints its migration summary to System.out: keep stdout for the results
        // (a script reads the issued key from it).
        PrintStream out = System.out;
        System.setOut(System.err);
        System.exit(run(args, out, System.err));
    }

    /** Runs one command; the exit status. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        String configFile = System.getenv("ANKICONNECT_CONFIG");
        if (args.size() >= 2 && args.get(0).equals("--config")) {
            configFile = args.get(1);
            args = args.subList(2, args.size());
        }
        if (args.size() < 2 || args.contains("--help")) {
            err.println(USAGE);
            return 2;
        }
        Config config;
        try {
            config = loadConfig(configFile);
        } catch (IOException | ConfigException e) {
            err.println("admin: configuration: " + e.getMessage());
            return 1;
        }
        try (Database db = Database.open(config)) {
            if (args.get(0).equals("check")) {
                return check(db, args.subList(1, args.size()), out);
            }
            return execute(Work.own(db.emf()), args, out, err);
        } catch (IllegalArgumentException e) {
            err.println("admin: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("admin: failed: " + e);
            return 1;
        }
    }

    static Config loadConfig(String file) throws IOException {
        if (file != null) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                return ConfigLoader.load(in, Map.of(), System.getProperties(), System.getenv());
            }
        }
        return ConfigLoader.load(null, Map.of(), System.getProperties(), System.getenv());
    }

    static int execute(Work work, List<String> a, PrintStream out, PrintStream err) {
        UserStore store = new UserStore(work);
        String cmd = a.get(0) + " " + a.get(1);
        List<String> rest = a.subList(2, a.size());
        switch (cmd) {
            case "user add" -> {
                need(rest, 1, 1);
                UserStore.User u = store.createUser(rest.get(0));
                out.println("created user " + u.name());
            }
            case "user remove" -> {
                need(rest, 1, 1);
                store.removeUser(rest.get(0));
                out.println("removed user " + rest.get(0) + " and revoked their keys");
            }
            case "user list" -> {
                need(rest, 0, 0);
                store.users().forEach(u -> out.println(u.name()));
            }
            case "key issue" -> {
                need(rest, 1, 2);
                ApiKeys.Issued k = store.issueKey(rest.get(0), rest.size() > 1 ? rest.get(1) : "");
                err.println("API key for " + rest.get(0) + " (id " + k.id() + "); it is shown only now:");
                out.println(k.key());
            }
            case "key list" -> {
                need(rest, 1, 1);
                for (UserStore.KeyInfo k : store.keys(rest.get(0))) {
                    out.println(k.id() + "\t" + Instant.ofEpochMilli(k.createdMs()) + "\t" + k.label());
                }
            }
            case "key revoke" -> {
                need(rest, 1, 1);
                String id = rest.get(0).startsWith(ApiKeys.PREFIX)
                        ? ApiKeys.parse(rest.get(0)).map(ApiKeys.Parsed::id).orElse(rest.get(0))
                        : rest.get(0);
                if (!store.revokeKey(id)) {
                    throw new IllegalArgumentException("no key with id '" + id + "'");
                }
                out.println("revoked key " + id);
            }
            case "profile add" -> {
                need(rest, 2, 2);
                Profiles.createBare(work, store.requireUser(rest.get(0)).id(), rest.get(1));
                out.println("created profile " + rest.get(1) + " for " + rest.get(0));
            }
            case "profile assign" -> {
                need(rest, 2, 2);
                Profiles.assign(
                        work, rest.get(0), store.requireUser(rest.get(1)).id());
                out.println("profile " + rest.get(0) + " now belongs to " + rest.get(1));
            }
            case "profile list" -> {
                need(rest, 0, 0);
                for (ProfileStore.Owned p : work.read(ProfileStore::all)) {
                    out.println(p.profile() + "\t" + (p.owner() == null ? "-" : p.owner()));
                }
            }
            default -> {
                err.println(USAGE);
                return 2;
            }
        }
        return 0;
    }

    /**
     * check PROFILE: Check Database on the profile's collection in one transaction of the tool's own, as
     * guiCheckDatabase does in a request; a repair counts as a write of the collection (its {@code gen}), so running
     * servers re-read their search copies.
     */
    static int check(Database db, List<String> rest, PrintStream out) {
        need(rest, 1, 1);
        String name = rest.get(0);
        CheckReport report = Work.own(db.emf()).write(em -> {
            Connection c = em.unwrap(Connection.class);
            long id = ProfileStore.findId(em, name)
                    .orElseThrow(() -> new IllegalArgumentException("no profile named '" + name + "'"));
            // the collection's one writer, as an action that writes (profile.CollectionGeneration.lockForWrite), with
            // the server's code, before any other row: the change record stamps repaired rows with the counter this
            // commits
            ProfileStore.lockForWrite(em, id);
            long[] last = {CardStore.maxId(c, id)};
            CheckReport r = CollectionCheck.run(em, c, id, name, count -> {
                long first = Math.max(System.currentTimeMillis(), last[0] + 1);
                last[0] = first + count - 1;
                return first;
            });
            if (r.changed()) {
                // the server's counter move (profile.CollectionGeneration.bump), last
                ProfileStore.bump(em, id);
            }
            return r;
        });
        out.println("profile " + name + ": " + report.summary());
        for (String file : report.missingMedia()) {
            out.println("missing media file: " + file);
        }
        return 0;
    }

    private static void need(List<String> rest, int min, int max) {
        if (rest.size() < min || rest.size() > max) {
            throw new IllegalArgumentException("wrong number of arguments\n" + USAGE);
        }
    }
}
