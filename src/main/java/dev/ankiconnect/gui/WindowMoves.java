package dev.ankiconnect.gui;

import dev.ankiconnect.db.ServerBusyException;
import dev.ankiconnect.db.Tx;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How a window (the main window's {@link GuiState}, the dialogs' {@link GuiDialogs}) is moved when another request may
 * move it at the same moment: its store writes only on the version that was read, else the move is decided again on
 * the fresh state, a bounded number of times. In a {@code @ReadOnly} action the write is kept without counting as a
 * collection write ({@link Tx#keepWindow}).
 */
final class WindowMoves {

    /** Attempts of a move that lost a race with another move. */
    static final int ATTEMPTS = 10;

    private WindowMoves() {}

    /**
     * Moves the window from what {@code read} gives to what {@code to} makes of it (empty: it stays, and the answer is
     * false); {@code write} stores a state if the window is still at the version it was made from.
     */
    static <S> boolean move(Tx tx, Supplier<S> read, Function<S, Optional<S>> to, Predicate<S> write) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<S> target = to.apply(read.get());
            if (target.isEmpty()) {
                return false;
            }
            tx.keepWindow();
            if (write.test(target.get())) {
                return true;
            }
        }
        throw new ServerBusyException(ServerBusyException.Reason.LOCK, 0, null);
    }
}
