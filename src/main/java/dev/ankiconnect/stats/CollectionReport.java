package dev.ankiconnect.stats;

import dev.ankiconnect.card.CardStore;
import dev.ankiconnect.deck.Deck;
import dev.ankiconnect.deck.DeckName;
import dev.ankiconnect.deck.Decks;
import dev.ankiconnect.profile.CollectionClock;
import dev.ankiconnect.profile.CollectionConfigs;
import dev.ankiconnect.review.RevlogStore;
import dev.ankiconnect.scheduler.Timing;
import dev.ankiconnect.text.Html;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The collection report behind getCollectionStatsHTML: today's reviews, card counts by state,
 * the last 30 days of reviews, intervals and ease, as a self-contained HTML fragment.
 */
@ApplicationScoped
public class CollectionReport {

    @Inject
    CardStore cards;

    @Inject
    CollectionClock clock;

    @Inject
    RevlogStore revlog;

    @Inject
    CollectionConfigs config;

    @Inject
    Decks decks;

    String html(boolean wholeCollection) {
        Timing t = clock.now();
        List<Long> deckIds = new ArrayList<>();
        String title = "Whole collection";
        if (!wholeCollection) {
            long current = config.getLong("curDeck", Decks.DEFAULT_DECK_ID);
            Deck deck = decks.byId(current)
                    .orElseGet(() -> decks.byId(Decks.DEFAULT_DECK_ID).orElseThrow());
            DeckName name = DeckName.of(deck.name());
            for (Deck d : decks.all()) {
                if (DeckName.of(d.name()).isSameOrBelow(name)) {
                    deckIds.add(d.id());
                }
            }
            title = "Deck " + deck.name();
        }
        long dayStartMs = t.dayStartMillis();

        RevlogStore.Reviewed today = revlog.reviewedSince(dayStartMs, deckIds);
        long month =
                revlog.reviewedSince(dayStartMs - 29L * 86_400_000, deckIds).count();
        CardStore.Report report = cards.report(deckIds);
        long fresh = 0;
        long learning = 0;
        long review = 0;
        long suspended = 0;
        long buried = 0;
        for (Map.Entry<Integer, Long> e : report.byQueue().entrySet()) {
            int queue = e.getKey();
            long count = e.getValue();
            switch (queue) {
                case 0 -> fresh += count;
                case 1, 3, 4 -> learning += count;
                case 2 -> review += count;
                case -1 -> suspended += count;
                default -> buried += count;
            }
        }
        long notes = report.notes();
        long total = fresh + learning + review + suspended + buried;

        StringBuilder h = new StringBuilder();
        h.append("<center><div class=\"ankiconnect-stats\">\n");
        h.append("<h1>").append(Html.encodeMinimal(title)).append("</h1>\n");
        h.append("<h2>Today</h2>\n<p>Studied ")
                .append(today.count())
                .append(" cards in ")
                .append(minutes(today.timeMillis()))
                .append(" today.</p>\n");
        h.append("<h2>Card counts</h2>\n<table>\n");
        row(h, "Total cards", total);
        row(h, "Notes", notes);
        row(h, "New", fresh);
        row(h, "Learning", learning);
        row(h, "Review", review);
        row(h, "Suspended", suspended);
        row(h, "Buried", buried);
        h.append("</table>\n<h2>Reviews</h2>\n<table>\n");
        row(h, "Last 30 days", month);
        row(h, "Average per day", String.format(Locale.ROOT, "%.1f", month / 30.0));
        h.append("</table>\n<h2>Intervals</h2>\n<table>\n");
        row(
                h,
                "Average interval",
                report.averageInterval() == null
                        ? "-"
                        : days(report.averageInterval().doubleValue()));
        row(
                h,
                "Longest interval",
                report.longestInterval() == null
                        ? "-"
                        : days(report.longestInterval().doubleValue()));
        row(
                h,
                "Average ease",
                report.averageEase() == null
                        ? "-"
                        : String.format(
                                Locale.ROOT, "%.0f%%", report.averageEase().doubleValue() / 10));
        h.append("</table>\n</div></center>");
        return h.toString();
    }

    private static void row(StringBuilder h, String label, Object value) {
        h.append("<tr><td>")
                .append(label)
                .append("</td><td align=\"right\"><b>")
                .append(value)
                .append("</b></td></tr>\n");
    }

    private static String minutes(long ms) {
        return String.format(Locale.ROOT, "%.1f minutes", ms / 60_000.0);
    }

    private static String days(double d) {
        return String.format(Locale.ROOT, "%.1f days", d);
    }
}
