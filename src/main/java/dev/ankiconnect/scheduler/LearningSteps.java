package dev.ankiconnect.scheduler;

import java.util.List;

/** Delays of a (re)learning step list in seconds, keyed by the card's remaining-steps count (6.3). */
final class LearningSteps {
    private static final int DAY = 86_400;
    private final List<Float> steps;

    LearningSteps(List<Float> steps) {
        this.steps = steps;
    }

    static int toSecs(float minutes) {
        return Fuzz.toU32(minutes * 60.0f);
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    int count() {
        return steps.size();
    }

    private int index(int remaining) {
        int total = steps.size();
        return Math.min(Math.max(total - remaining % 1000, 0), Math.max(total - 1, 0));
    }

    private Integer secsAt(int index) {
        return index < steps.size() ? toSecs(steps.get(index)) : null;
    }

    Integer againDelay() {
        return secsAt(0);
    }

    Integer hardDelay(int remaining) {
        int idx = index(remaining);
        Integer current = secsAt(idx);
        if (current == null) {
            current = secsAt(0);
        }
        if (current == null) {
            return null;
        }
        return idx == 0 ? hardDelayForFirstStep(current) : current;
    }

    /** Hard on the first step sits between the first two steps, or 1.5x a lone step (at most +1 day). */
    private int hardDelayForFirstStep(int againSecs) {
        Integer next = secsAt(1);
        long secs = next != null
                ? ((long) againSecs + next) / 2
                : Math.min((long) againSecs * 3 / 2, (long) againSecs + DAY);
        return maybeRoundInDays((int) Math.min(secs, 0xffffffffL));
    }

    private static int maybeRoundInDays(int secs) {
        if (secs > DAY) {
            return (int) Fuzz.round((float) secs / DAY) * DAY;
        }
        return secs;
    }

    Integer goodDelay(int remaining) {
        return secsAt(index(remaining) + 1);
    }

    int currentDelay(int remaining) {
        Integer s = secsAt(index(remaining));
        return s == null ? 0 : s;
    }

    int remainingForGood(int remaining) {
        return Math.max(steps.size() - (index(remaining) + 1), 0);
    }

    int remainingForFailed() {
        return steps.size();
    }
}
