package dev.ankiconnect.search;

import dev.ankiconnect.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The query table answered from the in-memory copy of the collection (the default for findNotes / findCards). */
@ExtendWith(ArquillianExtension.class)
class SearchQueryTableIT extends SearchQueryTable {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("searchtable");
    }
}
