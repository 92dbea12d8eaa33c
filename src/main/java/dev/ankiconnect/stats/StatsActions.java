package dev.ankiconnect.stats;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.ReadOnly;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionClock;
import dev.ankiconnect.scheduler.Timing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The statistic actions: reviews today, reviews per day, and the HTML collection report. */
@ApplicationScoped
public class StatsActions implements ActionGroup {

    @Inject
    ActiveProfile profile;

    @Inject
    CollectionClock clock;

    @Inject
    CollectionReport report;

    @Inject
    dev.ankiconnect.review.RevlogStore revlog;

    /** getNumCardsReviewedToday: review-log rows since the start of the collection's current day. */
    @ReadOnly
    @Action
    public long getNumCardsReviewedToday() {
        Timing t = clock.now();
        return revlog.countSince(t.dayStartMillis());
    }

    /** getNumCardsReviewedByDay: [["YYYY-MM-DD", count], ...], newest first, days shifted by the rollover. */
    @ReadOnly
    @Action
    public List<List<Object>> getNumCardsReviewedByDay() {
        long rolloverSecs = clock.day().rolloverHour() * 3600L;
        ZoneId zone = ZoneId.systemDefault();
        Map<LocalDate, Long> perDay = new TreeMap<>(java.util.Comparator.reverseOrder());
        List<Long> ids = revlog.ids();
        for (long id : ids) {
            LocalDate day =
                    Instant.ofEpochSecond(id / 1000 - rolloverSecs).atZone(zone).toLocalDate();
            perDay.merge(day, 1L, Long::sum);
        }
        List<List<Object>> out = new ArrayList<>();
        perDay.forEach((day, count) -> out.add(List.of(day.toString(), count)));
        return out;
    }

    /** getCollectionStatsHTML {wholeCollection=true}: an HTML report of the collection or the current deck. */
    @ReadOnly
    @Action(optional = "wholeCollection")
    public String getCollectionStatsHTML(Params p) {
        return report.html(p.bool("wholeCollection", true));
    }
}
