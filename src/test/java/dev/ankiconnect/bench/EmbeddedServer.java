package dev.ankiconnect.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** An embedded Tomcat 10.1 with the packaged WAR at "/", for the benchmarks. */
final class EmbeddedServer {

    private EmbeddedServer() {}

    /**
     * Starts the server on 127.0.0.1:port with the given data directory; {@code withEcho} adds a
     * bare JSON echo servlet at "/echo" (the container's own ceiling).
     */
    static Tomcat start(int port, Path dataDir, boolean withEcho) throws Exception {
        Path base = Files.createTempDirectory("ankiconnect-bench");
        System.setProperty("ankiconnect.dataDir", dataDir.toAbsolutePath().toString());
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAppBase(base.toString());
        File war = new File("target/ankiconnect-server.war");
        if (!war.isFile()) {
            throw new IllegalStateException("build the WAR first: mvn -DskipTests package");
        }
        tomcat.addWebapp("", war.getAbsolutePath());
        if (withEcho) {
            Context echo = tomcat.addContext("/echo", base.toString());
            Tomcat.addServlet(echo, "echo", new EchoServlet());
            echo.addServletMappingDecoded("/*", "echo");
        }
        tomcat.start();
        return tomcat;
    }

    static void stop(Tomcat tomcat) throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
