package dev.ankiconnect.gui;

import dev.ankiconnect.db.Sql;
import dev.ankiconnect.db.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The one store of the {@code gui_state} table (db/changes/gui-1.xml): each profile's "main window". Works in the
 * caller's transaction on its connection. A window move is no collection write: a {@code @ReadOnly} action that moves
 * the window keeps its transaction through {@link Tx#keepWindow()}, which commits without moving the collection's
 * write counter; {@code guiAnswerCard} writes it inside its collection write.
 */
public final class GuiStateStore {

    private GuiStateStore() {}

    /** The profile's window; {@link GuiState#INITIAL} for a profile that never moved it. */
    public static GuiState read(Connection c, long profileId) {
        return Sql.first(
                        c,
                        "SELECT screen, deck_id, card_id, side, shown_at_ms, replay, version, undo_answer, browser_query, browser_card FROM gui_state"
                                + " WHERE profile_id = ?",
                        List.of(profileId),
                        rs -> new GuiState(
                                rs.getString(1),
                                nullable(rs.getLong(2), rs.wasNull()),
                                nullable(rs.getLong(3), rs.wasNull()),
                                rs.getString(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getString(8),
                                rs.getString(9),
                                nullable(rs.getLong(10), rs.wasNull())))
                .orElse(GuiState.INITIAL);
    }

    private static Long nullable(long value, boolean wasNull) {
        return wasNull ? null : value;
    }

    /**
     * Writes the profile's window if it is still at the version {@code s} was made from ({@code s.version()}), adding
     * one to the version; false when another request moved it in between (the caller reads it again and decides
     * anew). An update of a row that another transaction is updating waits for it (bounded by the database's lock
     * wait) and then finds the new version. A first write inserts the row; two first writes at the same moment fail one
     * on the key, which the dispatcher runs again.
     */
    public static boolean write(Connection c, long profileId, GuiState s) {
        try {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gui_state SET screen = ?, deck_id = ?, card_id = ?,"
                    + " side = ?, shown_at_ms = ?, replay = ?, undo_answer = ?, browser_query = ?, browser_card = ?,"
                    + " version = version + 1"
                    + " WHERE profile_id = ? AND version = ?")) {
                bind(ps, s);
                ps.setLong(10, profileId);
                ps.setLong(11, s.version());
                if (ps.executeUpdate() > 0) {
                    return true;
                }
            }
            if (s.version() != 0 || exists(c, profileId)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gui_state (screen, deck_id, card_id, side,"
                    + " shown_at_ms, replay, undo_answer, browser_query, browser_card, profile_id, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                bind(ps, s);
                ps.setLong(10, profileId);
                ps.executeUpdate();
                return true;
            }
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    private static boolean exists(Connection c, long profileId) {
        return Sql.first(c, "SELECT 1 FROM gui_state WHERE profile_id = ?", List.of(profileId), rs -> true)
                .isPresent();
    }

    private static void bind(PreparedStatement ps, GuiState s) throws SQLException {
        ps.setString(1, s.screen());
        if (s.deckId() == null) {
            ps.setNull(2, Types.BIGINT);
        } else {
            ps.setLong(2, s.deckId());
        }
        if (s.cardId() == null) {
            ps.setNull(3, Types.BIGINT);
        } else {
            ps.setLong(3, s.cardId());
        }
        if (s.side() == null) {
            ps.setNull(4, Types.VARCHAR);
        } else {
            ps.setString(4, s.side());
        }
        ps.setLong(5, s.shownAtMs());
        ps.setLong(6, s.replay());
        // setString, null included: a typed CLOB null is an OID on PostgreSQL, where the column is TEXT
        ps.setString(7, s.undo());
        ps.setString(8, s.browserQuery());
        if (s.browserCard() == null) {
            ps.setNull(9, Types.BIGINT);
        } else {
            ps.setLong(9, s.browserCard());
        }
    }
}
