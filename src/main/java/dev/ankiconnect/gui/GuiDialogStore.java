package dev.ankiconnect.gui;

import dev.ankiconnect.db.Sql;
import dev.ankiconnect.db.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The one store of the {@code gui_dialogs} table (db/changes/gui-dialogs-1.xml): each profile's Add and Edit dialogs.
 * Works in the caller's transaction on its connection. Like the main window ({@link GuiStateStore}) a dialog move is
 * no collection write: the {@code @ReadOnly} action keeps its transaction through {@link Tx#keepWindow()}.
 */
public final class GuiDialogStore {

    private GuiDialogStore() {}

    /** The profile's dialogs; {@link GuiDialogs#INITIAL} for a profile that never opened one. */
    public static GuiDialogs read(Connection c, long profileId) {
        return Sql.first(
                        c,
                        "SELECT add_draft, edit_note, version FROM gui_dialogs WHERE profile_id = ?",
                        List.of(profileId),
                        rs -> {
                            String draft = rs.getString(1);
                            long note = rs.getLong(2);
                            Long edit = rs.wasNull() ? null : note;
                            return new GuiDialogs(draft, edit, rs.getLong(3));
                        })
                .orElse(GuiDialogs.INITIAL);
    }

    /**
     * Writes the profile's dialogs if they are still at the version {@code d} was made from, adding one to the
     * version; false when another request changed them in between (the caller reads them again and decides anew). A
     * first write inserts the row; two first writes at the same moment fail one on the key, which the dispatcher runs
     * again.
     */
    public static boolean write(Connection c, long profileId, GuiDialogs d) {
        try {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gui_dialogs SET add_draft = ?, edit_note = ?,"
                    + " version = version + 1 WHERE profile_id = ? AND version = ?")) {
                bind(ps, d);
                ps.setLong(3, profileId);
                ps.setLong(4, d.version());
                if (ps.executeUpdate() > 0) {
                    return true;
                }
            }
            if (d.version() != 0 || exists(c, profileId)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO gui_dialogs (add_draft, edit_note, profile_id, version) VALUES (?, ?, ?, 1)")) {
                bind(ps, d);
                ps.setLong(3, profileId);
                ps.executeUpdate();
                return true;
            }
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    private static boolean exists(Connection c, long profileId) {
        return Sql.first(c, "SELECT 1 FROM gui_dialogs WHERE profile_id = ?", List.of(profileId), rs -> true)
                .isPresent();
    }

    private static void bind(PreparedStatement ps, GuiDialogs d) throws SQLException {
        // setString, null included: a typed CLOB null is an OID on PostgreSQL, where the column is TEXT
        ps.setString(1, d.addDraft());
        if (d.editNote() == null) {
            ps.setNull(2, Types.BIGINT);
        } else {
            ps.setLong(2, d.editNote());
        }
    }
}
