package dev.ankiconnect.media;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.PythonTruth;
import dev.ankiconnect.api.ReadOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;

/**
 * The media actions. Files live in the database per profile ({@link MediaStore}); the content
 * of a new file comes from {@link MediaSources}. {@code getMediaDirPath} returns a read-only
 * export folder on the server ({@link MediaDir}).
 */
@ApplicationScoped
public class MediaActions implements ActionGroup {

    @Inject
    MediaUploads uploads;

    @Inject
    MediaStore store;

    @Inject
    MediaDir dir;

    /** storeMediaFile: the stored name, or null when skipHash matched. */
    @Action(
            value = "filename",
            optional = {"data", "path", "url", "skipHash", "deleteExisting"})
    public String storeMediaFile(Params p) {
        return uploads.store(
                p.string("filename"),
                p.value("data"),
                p.value("path"),
                p.value("url"),
                p.value("skipHash"),
                PythonTruth.truthy(p.json().getOrDefault("deleteExisting", jakarta.json.JsonValue.TRUE)));
    }

    /** retrieveMediaFile: the content as base64, or false when there is no such file. */
    @ReadOnly
    @Action("filename")
    public Object retrieveMediaFile(Params p) {
        return store.retrieve(p.string("filename"))
                .<Object>map(b -> Base64.getEncoder().encodeToString(b))
                .orElse(Boolean.FALSE);
    }

    /** getMediaFilesNames: the names matching a glob pattern (default {@code *}). */
    @ReadOnly
    @Action(optional = "pattern")
    public List<String> getMediaFilesNames(Params p) {
        return store.names(p.string("pattern", "*"));
    }

    /** deleteMediaFile: removes the file; a missing one is no error. */
    @Action("filename")
    public Object deleteMediaFile(Params p) {
        store.delete(p.string("filename"));
        return null;
    }

    /** getMediaDirPath: the path of the read-only export of the active profile's media. */
    @ReadOnly
    @Action
    public String getMediaDirPath() {
        return dir.export();
    }
}
