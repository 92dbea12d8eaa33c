package dev.ankiconnect.db;

import java.lang.management.ManagementFactory;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The request threads of the servlet container this application runs in, as its management beans
 * tell: Tomcat (standalone under {@code Catalina:}, embedded under {@code Tomcat:}) registers one
 * {@code type=ThreadPool} bean per connector with its {@code maxThreads}. Other containers say
 * nothing here; the pool is then sized by the documented default.
 */
final class ContainerThreads {

    private static final Logger LOG = Logger.getLogger(ContainerThreads.class.getName());

    private ContainerThreads() {}

    static OptionalInt detect() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            int total = 0;
            for (ObjectName name : server.queryNames(new ObjectName("*:type=ThreadPool,*"), null)) {
                Object max = server.getAttribute(name, "maxThreads");
                if (max instanceof Number n && n.intValue() > 0) {
                    total += n.intValue();
                }
            }
            return total > 0 ? OptionalInt.of(total) : OptionalInt.empty();
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "the container's request threads could not be read", e);
            return OptionalInt.empty();
        }
    }
}
