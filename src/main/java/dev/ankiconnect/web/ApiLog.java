package dev.ankiconnect.web;

import dev.ankiconnect.api.Envelope;
import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.PythonJsonWriter;
import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Logger;

/**
 * AnkiConnect's {@code apiLogPath}: when set, every request and reply is appended to that file
 * as {@code [request]} and {@code [reply]} blocks. The API key is never written.
 */
@ApplicationScoped
public class ApiLog {

    private static final Logger LOG = Logger.getLogger(ApiLog.class.getName());

    @Inject
    Settings settings;

    void log(Envelope envelope, JsonValue reply) {
        String path = settings.config().string(ConfigKey.API_LOG_PATH);
        if (path == null) {
            return;
        }
        JsonValue request = Json.PROVIDER
                .createObjectBuilder()
                .add("action", envelope.action())
                .add("version", envelope.version())
                .add("params", envelope.params())
                .build();
        String text = "[request]\n" + PythonJsonWriter.write(request) + "\n[reply]\n" + PythonJsonWriter.write(reply)
                + "\n\n";
        synchronized (this) {
            try {
                Files.writeString(
                        Path.of(path),
                        text,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOG.warning("cannot append to apiLogPath " + path + ": " + e.getMessage());
            }
        }
    }
}
