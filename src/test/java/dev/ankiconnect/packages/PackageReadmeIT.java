package dev.ankiconnect.packages;

import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's package curl commands for a server without apiKey, as written: the upload goes with curl's default
 * form content type and no key, which the endpoint once read as a form, finding the body empty.
 */
@ExtendWith(ArquillianExtension.class)
class PackageReadmeIT {

    static final Path DIR = PackageFixtures.newDir("packagereadme");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("packagereadme", Map.of("packageDir", DIR.toString()));
    }

    @ArquillianResource
    URL url;

    @Test
    void readmeCurlCommandsWithoutAKey_workAsWritten() throws Exception {
        ReadmeCurls.run(url, false, Json.createObjectBuilder(), DIR);
    }
}
