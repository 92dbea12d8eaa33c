package dev.ankiconnect.gui;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.PythonRepr;
import dev.ankiconnect.api.ReadOnly;
import dev.ankiconnect.card.CardRow;
import dev.ankiconnect.card.CardStore;
import dev.ankiconnect.card.Cards;
import dev.ankiconnect.check.CheckReport;
import dev.ankiconnect.check.CollectionCheck;
import dev.ankiconnect.db.Ids;
import dev.ankiconnect.db.Sql;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.deck.Deck;
import dev.ankiconnect.deck.DeckIndex;
import dev.ankiconnect.deck.DeckName;
import dev.ankiconnect.deck.DeckStats;
import dev.ankiconnect.deck.Decks;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionClock;
import dev.ankiconnect.review.Reviews;
import dev.ankiconnect.review.RevlogStore;
import dev.ankiconnect.scheduler.StudyQueue;
import dev.ankiconnect.scheduler.Timing;
import dev.ankiconnect.search.Target;
import dev.ankiconnect.search.run.NoteSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AnkiConnect's "graphical" actions that make sense on a server. Desktop AnkiConnect's gui* actions drive Anki's
 * windows. Here each profile has one "main window" in the database ({@link GuiStateStore}): the deck browser, a deck's
 * overview, or the reviewer on a card; the browser study UI shows it and follows it, and any client may drive it. Moving
 * the window is no collection write ({@link Tx#keepWindow}); answering a card is one, through the code of answerCards.
 * {@code guiCheckDatabase} is Anki's Check Database, which repairs the collection and needs no window. The Add and Edit
 * dialogs are kept beside the window ({@link GuiDialogActions}); Import and guiExitAnki stay unsupported. The card
 * browser (guiBrowse, guiSelect*, guiCloseWindow) is a window beside the main window, kept in the same row.
 */
@ApplicationScoped
public class GuiActions implements ActionGroup {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    Ids ids;

    @Inject
    dev.ankiconnect.profile.CollectionGeneration generation;

    @Inject
    Decks decks;

    @Inject
    DeckStats stats;

    @Inject
    CardStore cardStore;

    @Inject
    Cards cards;

    @Inject
    Reviews reviews;

    @Inject
    CollectionClock clock;

    @Inject
    RevlogStore revlog;

    @Inject
    NoteSearch search;

    @Inject
    GuiDialogActions dialogs;

    /** The window as stored; a deck or card that no longer exists is treated as gone (see {@link #shown}). */
    private GuiState stored() {
        return GuiStateStore.read(Sql.connection(tx), profile.id());
    }

    /**
     * The window as the UI should show it: an overview or review of a deck that was removed since shows the deck
     * browser, and a reviewer whose card was removed shows no card (not reviewing).
     */
    private GuiState shown() {
        GuiState s = stored();
        if (s.deckId() != null && decks.byId(s.deckId()).isEmpty()) {
            return s.deckBrowser();
        }
        if (s.cardId() != null && cardStore.byId(s.cardId()).isEmpty()) {
            return new GuiState(
                    GuiState.REVIEW,
                    s.deckId(),
                    null,
                    null,
                    0,
                    s.replay(),
                    s.version(),
                    s.undo(),
                    s.browserQuery(),
                    s.browserCard());
        }
        return s;
    }

    /** Moves the window from the state it shows now to what {@code to} makes of it ({@link WindowMoves#move}). */
    private boolean move(java.util.function.Function<GuiState, Optional<GuiState>> to) {
        return WindowMoves.move(
                tx, this::shown, to, target -> GuiStateStore.write(Sql.connection(tx), profile.id(), target));
    }

    private Optional<Deck> deck(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return decks.byName(name);
    }

    /** guiDeckBrowser: the window shows the deck list; null. */
    @Action
    @ReadOnly
    public Object guiDeckBrowser() {
        move(s -> Optional.of(s.deckBrowser()));
        return null;
    }

    /**
     * guiDeckOverview {name}: the window shows that deck's overview (name looked up case-insensitively, as Anki); false
     * when there is no such deck. The deck becomes the window's deck, not the collection's current deck (config
     * {@code curDeck}): that would be a collection write.
     */
    @Action("name")
    @ReadOnly
    public boolean guiDeckOverview(Params p) {
        Optional<Deck> deck = deck(p.string("name"));
        return deck.isPresent() && move(s -> Optional.of(s.overview(deck.get().id())));
    }

    /**
     * guiDeckReview {name}: the deck's overview, then the reviewer on its next card (question side); false when there
     * is no such deck. A deck with nothing to study now stays on its overview (Anki's reviewer finds no card and goes
     * back to the overview's "congratulations"), and the answer is still true, as AnkiConnect's.
     */
    @Action("name")
    @ReadOnly
    public boolean guiDeckReview(Params p) {
        Optional<Deck> deck = deck(p.string("name"));
        if (deck.isEmpty()) {
            return false;
        }
        long id = deck.get().id();
        Optional<Long> card = next(id);
        return move(s -> Optional.of(
                card.map(c -> s.review(id, c, System.currentTimeMillis())).orElseGet(() -> s.overview(id))));
    }

    /** guiReviewActive: whether the reviewer shows a card. */
    @Action
    @ReadOnly
    public boolean guiReviewActive() {
        return shown().reviewing();
    }

    /**
     * guiState (an extension, not in AnkiConnect): the window, for the study UI, which polls it and redraws when
     * {@code version} moved; {@code replay} counts guiPlayAudio; {@code browser} is the card browser, null while it is
     * closed, else its search and selected card ({@code {"query": "...", "card": id or null}}).
     */
    @Action
    @ReadOnly
    public JsonObject guiState() {
        GuiState s = shown();
        String deckName = s.deckId() == null
                ? null
                : decks.byId(s.deckId()).map(Deck::name).orElse(null);
        return Json.PROVIDER
                .createObjectBuilder()
                .add("screen", s.screen())
                .add("deckId", s.deckId() == null ? JsonValue.NULL : Json.PROVIDER.createValue(s.deckId()))
                .add("deckName", deckName == null ? JsonValue.NULL : Json.PROVIDER.createValue(deckName))
                .add("cardId", s.cardId() == null ? JsonValue.NULL : Json.PROVIDER.createValue(s.cardId()))
                .add("side", s.side() == null ? JsonValue.NULL : Json.PROVIDER.createValue(s.side()))
                .add("replay", s.replay())
                .add("version", s.version())
                .add("browser", browser(s))
                .addAll(dialogState())
                .build();
    }

    private static JsonValue browser(GuiState s) {
        if (!s.browserOpen()) {
            return JsonValue.NULL;
        }
        return Json.PROVIDER
                .createObjectBuilder()
                .add("query", s.browserQuery())
                .add("card", s.browserCard() == null ? JsonValue.NULL : Json.PROVIDER.createValue(s.browserCard()))
                .build();
    }

    /** guiCurrentCard: the reviewer's card, as cardsInfo renders it; AnkiConnect's error when not reviewing. */
    @Action
    @ReadOnly
    public JsonObject guiCurrentCard() {
        GuiState s = shown();
        if (!s.reviewing()) {
            throw new Refusal(Refusal.Kind.GUI_REVIEW_INACTIVE);
        }
        return cards.reviewerInfo(s.cardId()).orElseThrow(() -> new Refusal(Refusal.Kind.GUI_REVIEW_INACTIVE));
    }

    /** guiShowQuestion: the reviewer shows the question side and restarts the card's timer; false when not reviewing. */
    @Action
    @ReadOnly
    public boolean guiShowQuestion() {
        return move(s -> reviewing(s).map(r -> r.showing(GuiState.QUESTION).timerAt(System.currentTimeMillis())));
    }

    /** guiShowAnswer: the reviewer shows the answer side (the timer runs on); false when not reviewing. */
    @Action
    @ReadOnly
    public boolean guiShowAnswer() {
        return move(s -> reviewing(s).map(r -> r.showing(GuiState.ANSWER)));
    }

    /** guiStartCardTimer: restarts the current card's timer; false when not reviewing. */
    @Action
    @ReadOnly
    public boolean guiStartCardTimer() {
        return move(s -> reviewing(s).map(r -> r.timerAt(System.currentTimeMillis())));
    }

    /** guiPlayAudio: asks the UI to play the current side's audio again (guiState's replay); false when not reviewing. */
    @Action
    @ReadOnly
    public boolean guiPlayAudio() {
        return move(s -> reviewing(s).map(GuiState::replayed));
    }

    private static Optional<GuiState> reviewing(GuiState s) {
        return s.reviewing() ? Optional.of(s) : Optional.empty();
    }

    /**
     * guiAnswerCard {ease}: answers the reviewer's card as answerCards does (same code, under the collection's writer
     * lock), with the time since its timer started (capped by its preset), then shows the next card's question, or the
     * overview when the deck is done; false when not reviewing, when the answer side is not shown, or when ease is not
     * one of the four buttons.
     */
    @Action("ease")
    public boolean guiAnswerCard(Params p) {
        long ease = p.longValue("ease");
        GuiState s = shown();
        if (!s.reviewing() || !GuiState.ANSWER.equals(s.side()) || ease <= 0 || ease > BUTTONS) {
            return false;
        }
        long now = System.currentTimeMillis();
        long taken = Math.max(0, now - s.shownAtMs());
        long answered = s.cardId();
        Optional<CardRow> before = cardStore.byId(answered);
        reviews.answer(List.<long[]>of(new long[] {answered, ease, taken}));
        String undo = before.flatMap(b -> {
                    List<dev.ankiconnect.review.Revlog> log = revlog.ofCard(answered);
                    Optional<CardRow> after = cardStore.byId(answered);
                    return log.isEmpty() || after.isEmpty()
                            ? Optional.empty()
                            : Optional.of(new GuiUndo(
                                            b,
                                            after.get().reps,
                                            log.get(log.size() - 1).id())
                                    .toJson());
                })
                .orElse(null);
        long deck = s.deckId();
        Optional<Long> card = next(deck);
        // the reviewer moves on, unless another request moved the window off this card in the meantime
        move(fresh -> fresh.cardId() != null && fresh.cardId() == answered
                ? Optional.of(card.map(c -> fresh.review(deck, c, System.currentTimeMillis()))
                        .orElseGet(() -> fresh.overview(deck))
                        .withUndo(undo))
                : Optional.empty());
        return true;
    }

    /**
     * guiUndo: takes back the last answer given through guiAnswerCard, while its card is still as that answer left it:
     * the card's row is restored and the review-log row the answer added removed, and the reviewer shows that card's
     * question again. Always true, as AnkiConnect's (which does not say whether anything was undone). Unlike Anki's
     * undo, the deck's studied-today counters, siblings the answer buried and a leech tag stay.
     */
    @Action
    @ReadOnly
    public boolean guiUndo() {
        if (shown().undo() == null) {
            return true;
        }
        // A write after all, made as every write is: as the collection's one writer, its lock taken before any row is
        // written (this read held none), then counted (Tx.keepWrites); the window is read again under the lock.
        generation.lockForWrite();
        tx.keepWrites();
        GuiState s = shown();
        if (s.undo() == null) {
            return true;
        }
        GuiUndo undo = GuiUndo.fromJson(s.undo());
        CardRow before = undo.before();
        Optional<CardRow> now = cardStore.byId(before.id);
        boolean applies = now.isPresent() && now.get().reps == undo.repsAfter() && revlog.exists(undo.revlogId());
        if (applies) {
            cardStore.updateAll(List.of(before));
            revlog.delete(undo.revlogId());
        }
        long deck = s.deckId() != null ? s.deckId() : before.homeDeck();
        move(fresh -> Optional.of(
                (applies ? fresh.review(deck, before.id, System.currentTimeMillis()) : fresh).withUndo(null)));
        return true;
    }

    /**
     * The column keys of Anki's card browser. A server's browser has no hidden columns: every one of them counts as
     * visible, where AnkiConnect refuses a column the desktop user has not shown.
     */
    static final Set<String> BROWSER_COLUMNS = Set.of(
            "answer",
            "cardDue",
            "cardEase",
            "cardIvl",
            "cardLapses",
            "cardMod",
            "cardReps",
            "deck",
            "difficulty",
            "note",
            "noteCrt",
            "noteFld",
            "noteMod",
            "noteTags",
            "originalPosition",
            "question",
            "retrievability",
            "stability",
            "template");

    /**
     * guiBrowse {query?, reorderCards?}: opens the profile's card browser (a window beside the main window, as Anki's
     * Browser) on the search, nothing selected, and answers the card ids findCards answers for it ([] without a
     * query, the browser then keeps its search). reorderCards is checked as AnkiConnect checks it; the ids keep
     * findCards' order, as AnkiConnect's do (it sorts only the window).
     */
    @Action(optional = {"query", "reorderCards"})
    @ReadOnly
    public List<Long> guiBrowse(Params p) {
        String query = p.has("query") && p.value("query") != JsonValue.NULL ? p.string("query") : null;
        List<Long> ids = query == null ? List.of() : search.find(query, Target.CARDS);
        JsonValue order = p.has("reorderCards") ? p.value("reorderCards") : JsonValue.NULL;
        if (order != JsonValue.NULL) {
            if (!(order instanceof JsonObject o)) {
                throw new Refusal(Refusal.Kind.BROWSE_ORDER_NOT_DICT, PythonRepr.str(order));
            }
            if (!o.containsKey("columnId") || !o.containsKey("order")) {
                throw new Refusal(Refusal.Kind.BROWSE_ORDER_KEYS);
            }
            JsonValue direction = o.get("order");
            if (!(direction instanceof JsonString d)
                    || !(d.getString().equals("ascending") || d.getString().equals("descending"))) {
                throw new Refusal(Refusal.Kind.BROWSE_ORDER_INVALID, PythonRepr.str(direction));
            }
            JsonValue column = o.get("columnId");
            if (!(column instanceof JsonString c) || !BROWSER_COLUMNS.contains(c.getString())) {
                throw new Refusal(Refusal.Kind.BROWSE_COLUMN_INVALID, PythonRepr.str(column));
            }
        }
        move(s -> Optional.of(query != null ? s.browsing(query) : s.browsing(s.browserOpen() ? s.browserQuery() : "")));
        return ids;
    }

    /** guiSelectCard {card}: selects that card alone in the card browser; false when the browser is not open. */
    @Action("card")
    @ReadOnly
    public boolean guiSelectCard(Params p) {
        long card = p.longValue("card");
        return move(s -> s.browserOpen() ? Optional.of(s.selecting(card)) : Optional.empty());
    }

    /** guiSelectNote {note}: AnkiConnect's deprecated alias of guiSelectCard (its "note" is a card id). */
    @Action("note")
    @ReadOnly
    public boolean guiSelectNote(Params p) {
        long card = p.longValue("note");
        return move(s -> s.browserOpen() ? Optional.of(s.selecting(card)) : Optional.empty());
    }

    /** guiSelectedNotes: the note ids of the browser's selected rows: the selected card's note; [] when none. */
    @Action
    @ReadOnly
    public List<Long> guiSelectedNotes() {
        GuiState s = shown();
        if (!s.browserOpen() || s.browserCard() == null) {
            return List.of();
        }
        return cardStore.byId(s.browserCard()).map(c -> List.of(c.nid)).orElse(List.of());
    }

    /** The windows guiCloseWindow closes. */
    static final String BROWSER_WINDOW = "browser";

    /**
     * guiCloseWindow {window} (an extension, not in AnkiConnect): closes a window beside the main window, for the study
     * UI's close buttons; true when it was open, false when it was not. "browser": the card browser, which forgets its
     * search and selection (guiSelectedNotes then answers [] and guiSelectCard false, as AnkiConnect's without a
     * Browser); "addCards" and "editNote": the Add and Edit dialogs ({@link GuiDialogActions}). Another name is
     * refused.
     */
    @Action("window")
    @ReadOnly
    public boolean guiCloseWindow(Params p) {
        String window = p.string("window");
        return switch (window == null ? "" : window) {
            case BROWSER_WINDOW -> move(s -> s.browserOpen() ? Optional.of(s.browserClosed()) : Optional.empty());
            case GuiDialogActions.ADD_WINDOW, GuiDialogActions.EDIT_WINDOW -> dialogs.close(window);
            default -> throw new Refusal(Refusal.Kind.GUI_WINDOW_UNKNOWN, String.valueOf(window));
        };
    }

    /** The answer buttons of the v3 scheduler: Again, Hard, Good, Easy. */
    static final int BUTTONS = 4;

    /**
     * The next card of a deck's study queue ({@link StudyQueue}): the deck and its descendants, with the limits
     * getDeckStats shows for them; empty when there is nothing to study now.
     */
    private Optional<Long> next(long deckId) {
        Timing timing = clock.now();
        long cutoff = timing.now() + clock.collapseTimeSecs();
        DeckIndex index = new DeckIndex(decks.all());
        Set<Long> subtree = index.withDescendants(deckId);
        Map<Long, DeckStats.Line> lines = new HashMap<>();
        stats.subtreeLines(subtree).forEach(l -> lines.put(l.deckId(), l));
        DeckStats.Line top = lines.get(deckId);
        if (top == null) {
            return Optional.empty();
        }
        Map<Long, List<Long>> children = new HashMap<>();
        for (long id : subtree) {
            DeckName parent = DeckName.of(index.name(id)).parent();
            Long parentId = parent == null ? null : index.idByName(parent.human());
            if (id != deckId && parentId != null) {
                children.computeIfAbsent(parentId, k -> new ArrayList<>()).add(id);
            }
        }
        Set<Long> newDecks = StudyQueue.open(
                deckId, children, d -> lines.containsKey(d) && lines.get(d).newCount() > 0);
        Set<Long> reviewDecks = StudyQueue.open(
                deckId,
                children,
                d -> lines.containsKey(d)
                        && lines.get(d).reviewCount() + lines.get(d).interdayCount() > 0);
        List<StudyQueue.Candidate> candidates =
                cardStore.studyCandidates(subtree, reviewDecks, newDecks, timing.today(), cutoff);
        return StudyQueue.next(
                        candidates,
                        newDecks,
                        reviewDecks,
                        new StudyQueue.Left(top.newCount(), top.reviewCount(), top.interdayCount()),
                        timing.now(),
                        timing.today(),
                        cutoff)
                .map(StudyQueue.Candidate::id);
    }

    /**
     * guiCheckDatabase: checks and repairs the active collection ({@link CollectionCheck}) and answers {@code true},
     * as AnkiConnect does. A read unless it repairs something: a healthy collection is left untouched and its write
     * counter stays (searches keep their in-memory copy); a repair is kept and counted through {@link Tx#keepWrites}.
     * What it found is logged (logger {@code dev.ankiconnect.check.CollectionCheck}).
     */
    @Action
    @ReadOnly
    public boolean guiCheckDatabase() {
        CheckReport report =
                CollectionCheck.run(tx.em(), Sql.connection(tx), profile.id(), profile.name(), ids::reserve);
        if (report.changed()) {
            // The repair must be made as every write is, as the collection's one writer (its lock taken before any
            // row): the change record stamps its rows with the counter the transaction commits, which only a
            // serialised writer knows. So the unlocked attempt is undone and the check run again under the lock.
            tx.rollback();
            generation.lockForWrite();
            CollectionCheck.run(tx.em(), Sql.connection(tx), profile.id(), profile.name(), ids::reserve);
            tx.keepWrites();
        }
        return true;
    }

    /**
     * guiState's keys for the Add and Edit dialogs ({@link GuiDialogActions}): {@code addCards} (the draft note, null
     * while closed), {@code editNote} (the note id, null while closed) and {@code dialogVersion}, which moves when
     * either changes (the main window's {@code version} does not).
     */
    private jakarta.json.JsonObjectBuilder dialogState() {
        GuiDialogs d = dialogs.stored();
        return Json.PROVIDER
                .createObjectBuilder()
                .add("addCards", dialogs.addCardsJson(d))
                .add("editNote", d.editNote() == null ? JsonValue.NULL : Json.PROVIDER.createValue(d.editNote()))
                .add("dialogVersion", d.version());
    }
}
