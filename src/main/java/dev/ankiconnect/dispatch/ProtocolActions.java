package dev.ankiconnect.dispatch;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.api.Envelope;
import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.PythonRepr;
import dev.ankiconnect.api.ReadOnly;
import dev.ankiconnect.api.Reply;
import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.config.Settings;
import dev.ankiconnect.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** version, requestPermission, apiReflect and multi: the actions about the API itself. */
@ApplicationScoped
public class ProtocolActions implements ActionGroup {

    @Inject
    Settings settings;

    @Inject
    ActionRegistry registry;

    @Inject
    ActionDispatcher dispatcher;

    /** version: the API version, {@code apiVersion} (6). */
    @ReadOnly
    @Action
    public int version() {
        return settings.config().integer(ConfigKey.API_VERSION);
    }

    /**
     * requestPermission {origin, allowed}: both injected by the HTTP layer. A server has nobody to
     * click "Yes": an origin that the CORS list allows is granted, any other is denied.
     */
    @ReadOnly
    @Action({"origin", "allowed"})
    public JsonObject requestPermission(Params p) {
        JsonValue allowed = p.value("allowed");
        if (allowed == JsonValue.TRUE) {
            return Json.PROVIDER
                    .createObjectBuilder()
                    .add("permission", "granted")
                    .add("requireApikey", dispatcher.keyCheck().required())
                    .add("version", version())
                    .build();
        }
        return Json.PROVIDER.createObjectBuilder().add("permission", "denied").build();
    }

    /** reloadCollection: the server keeps no collection state between actions, so each already reads fresh data. */
    @ReadOnly
    @Action
    public Object reloadCollection() {
        return null;
    }

    /**
     * sync: this server is the collection's home; there is no AnkiWeb login to sync with. The text
     * starts with AnkiConnect's own words for a profile without a login, which clients handle.
     */
    @ReadOnly
    @Action
    public Object sync() {
        throw new Refusal(Refusal.Kind.SYNC_UNAVAILABLE);
    }

    /** apiReflect {scopes, actions}: which scopes and actions this server has. */
    @ReadOnly
    @Action(optional = {"scopes", "actions"})
    public JsonObject apiReflect(Params p) {
        JsonValue scopes = p.value("scopes");
        if (!(scopes instanceof JsonArray scopeList)) {
            throw new Refusal(Refusal.Kind.INVALID_VALUE, "scopes");
        }
        JsonValue actions = p.value("actions");
        if (actions != null && actions != JsonValue.NULL && !(actions instanceof JsonArray)) {
            throw new Refusal(Refusal.Kind.INVALID_VALUE, "actions");
        }
        JsonObjectBuilder result = Json.PROVIDER.createObjectBuilder();
        JsonArrayBuilder recognised = Json.PROVIDER.createArrayBuilder();
        boolean wantsActions = false;
        for (JsonValue s : scopeList) {
            if (s instanceof JsonString str && str.getString().equals("actions")) {
                recognised.add("actions");
                wantsActions = true;
            }
        }
        result.add("scopes", recognised);
        if (wantsActions) {
            JsonArrayBuilder names = Json.PROVIDER.createArrayBuilder();
            if (actions instanceof JsonArray requested) {
                for (JsonValue name : requested) {
                    if (!(name instanceof JsonString str)) {
                        // Python's getattr(self, name) with a non-string name.
                        throw new Refusal(Refusal.Kind.ATTRIBUTE_NAME, PythonRepr.typeName(name));
                    }
                    if (registry.contains(str.getString())) {
                        names.add(str.getString());
                    }
                }
            } else {
                registry.names().forEach(names::add);
            }
            result.add("actions", names);
        }
        return result.build();
    }

    /**
     * multi {actions}: runs each envelope in order, each in its own transaction and with its own
     * key check; one failing does not stop or undo the others. Read-only itself: each sub-action counts its own
     * writes, so a multi of reads leaves the write counter alone.
     */
    @ReadOnly
    @Action("actions")
    public List<JsonValue> multi(Params p) {
        JsonValue value = p.value("actions");
        if (!(value instanceof JsonArray list)) {
            throw new Refusal(Refusal.Kind.NOT_ITERABLE, PythonRepr.typeName(value));
        }
        for (JsonValue item : list) {
            if (!(item instanceof JsonObject)) {
                throw new Refusal(Refusal.Kind.NO_ATTRIBUTE, PythonRepr.typeName(item), "get");
            }
        }
        List<JsonValue> replies = new ArrayList<>(list.size());
        for (JsonValue item : list) {
            replies.add(runOne((JsonObject) item));
        }
        return replies;
    }

    private JsonValue runOne(JsonObject request) {
        JsonValue actionValue = request.get("action");
        // Sub-requests skip the schema: a missing or non-string action is simply unknown.
        String action = actionValue instanceof JsonString s ? s.getString() : "";
        JsonValue versionValue = request.get("version");
        long version = Envelope.DEFAULT_VERSION;
        if (versionValue instanceof JsonNumber n) {
            version = n.isIntegral() ? n.longValue() : (long) Math.floor(n.doubleValue());
        } else if (versionValue != null) {
            return Reply.error(ApiErrors.versionNotComparable(PythonRepr.typeName(versionValue)));
        }
        JsonValue params = request.get("params");
        if (!dispatcher.keyCheck().accepts(action, request.get("key"))) {
            return Reply.error(ApiErrors.INVALID_API_KEY);
        }
        if (params != null && !(params instanceof JsonObject)) {
            if (!registry.contains(action)) {
                return Reply.error(ApiErrors.UNSUPPORTED_ACTION);
            }
            return Reply.error(ApiErrors.paramsNotMapping(action, PythonRepr.typeName(params)));
        }
        JsonObject paramObject = params == null ? JsonValue.EMPTY_JSON_OBJECT : (JsonObject) params;
        return dispatcher.dispatch(new Envelope(action, version, paramObject, request.get("key")));
    }
}
