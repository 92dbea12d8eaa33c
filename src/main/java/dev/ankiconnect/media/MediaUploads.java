package dev.ankiconnect.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** AnkiConnect's storeMediaFile procedure, shared by the action and by media inside notes. */
@ApplicationScoped
public class MediaUploads {

    @Inject
    MediaSources sources;

    @Inject
    MediaStore store;

    /**
     * Obtains the content (data, path or url), skips it when its MD5 hex equals skipHash, else
     * stores it.
     *
     * @return the stored name, or null when skipHash matched
     */
    public String store(
            String filename,
            JsonValue data,
            JsonValue path,
            JsonValue url,
            JsonValue skipHash,
            boolean deleteExisting) {
        byte[] content = sources.obtain(filename, data, path, url);
        if (skipHash instanceof JsonString s && s.getString().equals(MediaStore.md5(content))) {
            return null;
        }
        return store.store(filename, content, deleteExisting);
    }
}
