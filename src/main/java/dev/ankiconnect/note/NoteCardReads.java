package dev.ankiconnect.note;

import dev.ankiconnect.card.CardNotes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** card.CardNotes read from the notes table (NoteStore), so that card needs no note class. */
@ApplicationScoped
public class NoteCardReads implements CardNotes {

    @Inject
    NoteStore store;

    @Override
    public Map<Long, Row> byIds(Collection<Long> nids) {
        Map<Long, NoteRow> rows = store.byIds(nids);
        Map<Long, Row> out = new HashMap<>(rows.size() * 2);
        rows.forEach((id, r) -> out.put(id, new Row(r.mid, r.fields, r.tags)));
        return out;
    }
}
