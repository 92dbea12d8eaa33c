package dev.ankiconnect.db;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * Opens JDBC connections with the drivers bundled in the WAR. DriverManager only sees drivers of
 * the system class loader, so the web application's own class loader is asked instead.
 */
public final class Jdbc {

    private Jdbc() {}

    public static Connection connect(String url, String user, String password) throws SQLException {
        Driver driver = driverFor(url);
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        Connection c = driver.connect(url, props);
        if (c == null) {
            throw new SQLException("the JDBC driver " + driver.getClass().getName() + " refused " + url);
        }
        return c;
    }

    public static Driver driverFor(String url) throws SQLException {
        ClassLoader loader = Jdbc.class.getClassLoader();
        for (Driver d : ServiceLoader.load(Driver.class, loader)) {
            if (d.acceptsURL(url)) {
                return d;
            }
        }
        throw new SQLException("no JDBC driver in the application accepts " + url);
    }
}
