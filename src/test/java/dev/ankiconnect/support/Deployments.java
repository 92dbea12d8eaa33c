package dev.ankiconnect.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR that {@code mvn package} built (the Tomcat one, or the -ee one on Payara: system
 * property {@code it.war}), with its configuration file rewritten for one test deployment:
 * a data directory (or, with {@code -Dit.database=postgres}, a PostgreSQL database) of its own,
 * so every deployment starts with a fresh collection.
 */
public final class Deployments {

    private Deployments() {}

    /** The real WAR, deployed as {@code name}.war, with these configuration keys changed. */
    public static WebArchive war(String name, Map<String, String> config) {
        String path = System.getProperty("it.war", "target/ankiconnect-server.war");
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
        Properties props = new Properties();
        Asset packaged = war.get("WEB-INF/ankiconnect.properties").getAsset();
        try (InputStream in = packaged.openStream()) {
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String dataRoot = System.getProperty("it.data.dir", "target/it-data");
        props.setProperty(
                "dataDir",
                Path.of(dataRoot, name + "-" + UUID.randomUUID())
                        .toAbsolutePath()
                        .toString());
        props.putAll(TestDatabases.forDeployment(name));
        props.putAll(config);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            props.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "test deployment " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.delete("WEB-INF/ankiconnect.properties");
        war.addAsWebInfResource(new StringAsset(out.toString(StandardCharsets.UTF_8)), "ankiconnect.properties");
        return ShrinkWrap.create(WebArchive.class, name + ".war").merge(war);
    }

    /**
     * A fresh database of its own for a deployment, as configuration keys (dataDir, or jdbcUrl and
     * credentials under -Dit.database=postgres): for tests that prepare the database (users,
     * keys) before the WAR opens it, or that point two deployments at one database.
     */
    public static Map<String, String> freshDatabase(String name) {
        String dataRoot = System.getProperty("it.data.dir", "target/it-data");
        Map<String, String> config = new java.util.HashMap<>(TestDatabases.forDeployment(name));
        config.put(
                "dataDir",
                Path.of(dataRoot, name + "-" + UUID.randomUUID())
                        .toAbsolutePath()
                        .toString());
        return config;
    }

    public static WebArchive war(String name) {
        return war(name, Map.of());
    }

    /** This machine's own addresses: the test client's, whichever one the container's URL names. */
    public static java.util.List<String> localAddresses() {
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of("127.0.0.1", "::1"));
        try {
            for (var nif : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                for (var a : java.util.Collections.list(nif.getInetAddresses())) {
                    String text = a.getHostAddress();
                    int scope = text.indexOf('%');
                    out.add(scope < 0 ? text : text.substring(0, scope));
                }
            }
        } catch (java.net.SocketException e) {
            // Loopback only.
        }
        return out;
    }
}
