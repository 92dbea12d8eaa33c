package dev.ankiconnect.search;

import dev.ankiconnect.support.Deployments;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The query table answered by SQL alone ({@code searchMemoryMb=0}), as for collections too large to copy. */
@ExtendWith(ArquillianExtension.class)
class SearchQueryTableSqlIT extends SearchQueryTable {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("searchtable-sql", Map.of("searchMemoryMb", "0"));
    }
}
