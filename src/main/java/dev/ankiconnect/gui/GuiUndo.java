package dev.ankiconnect.gui;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.card.CardRow;
import jakarta.json.JsonObject;
import java.io.StringReader;

/**
 * What guiUndo needs of the last answer given through guiAnswerCard, kept as JSON with the window
 * ({@code gui_state.undo_answer}): the card's row as it was before the answer, its {@code reps} after it (undo applies
 * only while the card is still as the answer left it), and the id of the review-log row the answer added.
 */
record GuiUndo(CardRow before, int repsAfter, long revlogId) {

    String toJson() {
        CardRow c = before;
        return Json.PROVIDER
                .createObjectBuilder()
                .add(
                        "card",
                        Json.PROVIDER
                                .createObjectBuilder()
                                .add("id", c.id)
                                .add("nid", c.nid)
                                .add("did", c.did)
                                .add("ord", c.ord)
                                .add("mtime", c.mtime)
                                .add("usn", c.usn)
                                .add("type", c.type)
                                .add("queue", c.queue)
                                .add("due", c.due)
                                .add("ivl", c.ivl)
                                .add("factor", c.factor)
                                .add("reps", c.reps)
                                .add("lapses", c.lapses)
                                .add("left", c.left)
                                .add("odue", c.odue)
                                .add("odid", c.odid)
                                .add("flags", c.flags)
                                .add("data", c.data == null ? "" : c.data))
                .add("repsAfter", repsAfter)
                .add("revlog", revlogId)
                .build()
                .toString();
    }

    static GuiUndo fromJson(String json) {
        JsonObject o;
        try (var reader = Json.PROVIDER.createReader(new StringReader(json))) {
            o = reader.readObject();
        }
        JsonObject j = o.getJsonObject("card");
        CardRow c = new CardRow();
        c.id = j.getJsonNumber("id").longValue();
        c.nid = j.getJsonNumber("nid").longValue();
        c.did = j.getJsonNumber("did").longValue();
        c.ord = j.getInt("ord");
        c.mtime = j.getJsonNumber("mtime").longValue();
        c.usn = j.getInt("usn");
        c.type = j.getInt("type");
        c.queue = j.getInt("queue");
        c.due = j.getJsonNumber("due").longValue();
        c.ivl = j.getInt("ivl");
        c.factor = j.getInt("factor");
        c.reps = j.getInt("reps");
        c.lapses = j.getInt("lapses");
        c.left = j.getInt("left");
        c.odue = j.getJsonNumber("odue").longValue();
        c.odid = j.getJsonNumber("odid").longValue();
        c.flags = j.getInt("flags");
        c.data = j.getString("data");
        return new GuiUndo(c, o.getInt("repsAfter"), o.getJsonNumber("revlog").longValue());
    }
}
