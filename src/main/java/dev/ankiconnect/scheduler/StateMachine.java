package dev.ankiconnect.scheduler;

/**
 * Computes the four candidate next states of a card (Anki's "scheduling states", ANKI-MODEL 6.3-6.5, 6.10).
 * Index 0..3 = Again, Hard, Good, Easy.
 */
final class StateMachine {
    static final float EASE_AGAIN_DELTA = -0.2f;
    static final float EASE_HARD_DELTA = -0.15f;
    static final float EASE_EASY_DELTA = 0.15f;
    static final float MINIMUM_EASE = 1.3f;

    private final SchedulerContext ctx;
    private final Preset p;
    private final Float fuzzFactor;
    private final Fsrs.Item[] fsrs;
    private final boolean allowShortTerm;

    private StateMachine(SchedulerContext ctx, Float fuzzFactor, Fsrs.Item[] fsrs, boolean allowShortTerm) {
        this.ctx = ctx;
        this.p = ctx.preset();
        this.fuzzFactor = fuzzFactor;
        this.fsrs = fsrs;
        this.allowShortTerm = allowShortTerm;
    }

    static NextState[] nextStates(SchedulingCard card, CurrentState cur, SchedulerContext ctx) {
        Float fuzz = ctx.fuzz().reviewFuzzFactor(card.id() + card.reps());
        Fsrs.Item[] items = null;
        boolean shortTerm = false;
        if (ctx.fsrsEnabled()) {
            Fsrs model = new Fsrs(ctx.preset().fsrsParams());
            items = model.nextStates(
                    startingMemory(card, cur, model, ctx), ctx.desiredRetention(), fsrsElapsedDays(card, ctx.timing()));
            shortTerm = model.allowsShortTerm();
        }
        StateMachine m = new StateMachine(ctx, fuzz, items, shortTerm);
        return switch (cur.kind()) {
            case NEW, LEARNING -> m.learning(cur);
            case REVIEW -> m.review(cur);
            case RELEARNING -> m.relearning(cur);
        };
    }

    /** New cards start from nothing; a non-new card without memory gets one approximated from SM-2 values. */
    static MemoryState startingMemory(SchedulingCard card, CurrentState cur, Fsrs model, SchedulerContext ctx) {
        if (card.memory() != null || cur.kind() == CurrentState.Kind.NEW) {
            return card.memory();
        }
        if (card.ivl() <= 0) {
            return null; // still in first learning: treat as starting fresh
        }
        float ease = card.factor() > 0 ? card.factor() / 1000f : p(ctx).initialEase();
        return model.fromSm2(card.ivl(), ease, p(ctx).historicalRetention());
    }

    private static Preset p(SchedulerContext ctx) {
        return ctx.preset();
    }

    /** FSRS elapsed days: whole days from the last review to the next rollover (0 without a known review). */
    static int fsrsElapsedDays(SchedulingCard card, Timing timing) {
        if (card.lastReviewTime() == null) {
            return 0;
        }
        return (int) Math.max(0, Math.floorDiv(timing.nextDayAt() - card.lastReviewTime(), 86_400L));
    }

    private MemoryState mem(int i) {
        return fsrs == null ? null : fsrs[i].memory();
    }

    private int reviewFuzz(float interval, int minimum) {
        int[] b = ctx.reviewBounds(minimum);
        return Fuzz.apply(fuzzFactor, interval, b[0], b[1]);
    }

    private boolean shortTerm(LearningSteps steps, float interval) {
        return allowShortTerm && (ctx.fsrsShortTermWithSteps() || steps.isEmpty()) && interval < 0.5f;
    }

    private static int daysToSecs(float days) {
        return Fuzz.toU32(days * 86_400.0f);
    }

    // ---- learning (new cards are learning cards with all steps remaining) ----

    private NextState[] learning(CurrentState cur) {
        LearningSteps steps = new LearningSteps(p.learnSteps());
        float ease = cur.ease();
        NextState[] out = new NextState[4];
        Integer again = steps.againDelay();
        out[0] = again != null
                ? NextState.learning(steps.remainingForFailed(), again, ease, cur.lapses(), mem(0))
                : graduateOrStay(steps, 0, steps.remainingForFailed());
        Integer hard = steps.hardDelay(cur.remaining());
        out[1] = hard != null
                ? NextState.learning(cur.remaining(), hard, ease, cur.lapses(), mem(1))
                : graduateOrStay(steps, 1, cur.remaining());
        Integer good = steps.goodDelay(cur.remaining());
        out[2] = good != null
                ? NextState.learning(steps.remainingForGood(cur.remaining()), good, ease, cur.lapses(), mem(2))
                : graduateOrStay(steps, 2, cur.remaining());
        // Graduating builds a fresh review state, so lapses restart at 0 (as in Anki).
        out[3] = NextState.review(learningEasyDays(), p.initialEase(), 0, false, mem(3));
        return out;
    }

    /** No step for this button: graduate, or with FSRS short-term stay in learning for under half a day. */
    private NextState graduateOrStay(LearningSteps steps, int i, int remainingIfStaying) {
        float interval = fsrs != null ? fsrs[i].interval() : p.graduatingIntervalGood();
        if (fsrs != null && shortTerm(steps, interval)) {
            return NextState.learning(remainingIfStaying, daysToSecs(interval), 0f, 0, mem(i));
        }
        int days = reviewFuzz(Math.max(Fuzz.round(interval), 1), 1);
        return NextState.review(days, p.initialEase(), 0, false, mem(i));
    }

    private int learningEasyDays() {
        if (fsrs != null) {
            int good = reviewFuzz(fsrs[2].interval(), 1);
            return reviewFuzz(Math.max(Fuzz.round(fsrs[3].interval()), 1), good + 1);
        }
        return reviewFuzz(p.graduatingIntervalEasy(), 1);
    }

    // ---- review ----

    private NextState[] review(CurrentState cur) {
        NextState[] out = new NextState[4];
        out[0] = reviewAgain(cur);
        int[] passing = fsrs != null ? passingFsrs(cur) : cur.isEarlyReview() ? passingEarly(cur) : passingSm2(cur);
        float e = cur.ease();
        out[1] = NextState.review(passing[0], Math.max(e + EASE_HARD_DELTA, MINIMUM_EASE), cur.lapses(), false, mem(1));
        out[2] = NextState.review(passing[1], e, cur.lapses(), false, mem(2));
        out[3] = NextState.review(passing[2], e + EASE_EASY_DELTA, cur.lapses(), false, mem(3));
        return out;
    }

    /** Post-lapse interval (float days) before rounding: FSRS's Again interval or the SM-2 lapse rule. */
    private float failingInterval(int scheduledDays) {
        if (fsrs != null) {
            return fsrs[0].interval();
        }
        int[] b = ctx.reviewBounds(p.minimumLapseInterval());
        return Fuzz.apply(fuzzFactor, Math.max(scheduledDays, 1) * p.lapseMultiplier(), b[0], b[1]);
    }

    private NextState reviewAgain(CurrentState cur) {
        int lapses = cur.lapses() + 1;
        boolean leeched = Leeches.isLeech(lapses, p.leechThreshold());
        float failing = failingInterval(cur.scheduledDays());
        int days = (int) Math.max(Fuzz.round(failing), 1);
        float ease = Math.max(cur.ease() + EASE_AGAIN_DELTA, MINIMUM_EASE);
        LearningSteps relearn = new LearningSteps(p.relearnSteps());
        Integer first = relearn.againDelay();
        if (first != null) {
            return NextState.relearning(relearn.remainingForFailed(), first, days, ease, lapses, leeched, mem(0));
        }
        if (fsrs != null && shortTerm(relearn, failing)) {
            return NextState.relearning(
                    relearn.remainingForFailed(), daysToSecs(failing), days, ease, lapses, leeched, mem(0));
        }
        return NextState.review(days, ease, lapses, leeched, mem(0));
    }

    private int constrainPassing(float interval, int minimum, boolean fuzz) {
        float x = fsrs != null ? interval : interval * p.intervalMultiplier();
        int[] b = ctx.reviewBounds(minimum);
        if (fuzz) {
            return Fuzz.apply(fuzzFactor, x, b[0], b[1]);
        }
        return Fuzz.clamp((int) Math.max(0, Fuzz.round(x)), b[0], b[1]);
    }

    private int[] passingSm2(CurrentState cur) {
        float current = Math.max(cur.scheduledDays(), 1);
        float late = Math.max(cur.daysLate(), 0);
        float hm = p.hardMultiplier();
        int hardMin = hm <= 1.0f ? 0 : cur.scheduledDays() + 1;
        int hard = constrainPassing(current * hm, hardMin, true);
        int goodMin = hm <= 1.0f ? cur.scheduledDays() + 1 : hard + 1;
        int good = constrainPassing((current + late / 2.0f) * cur.ease(), goodMin, true);
        int easy = constrainPassing((current + late) * cur.ease() * p.easyMultiplier(), good + 1, true);
        return new int[] {hard, good, easy};
    }

    private int[] passingEarly(CurrentState cur) {
        float scheduled = Math.max(cur.scheduledDays(), 1);
        float elapsed = cur.elapsedDays();
        float hm = p.hardMultiplier();
        int hard = constrainPassing(Math.max(elapsed * hm, scheduled * (hm / 2.0f)), 0, false);
        int good = constrainPassing(Math.max(elapsed * cur.ease(), scheduled), 0, false);
        float reducedBonus = p.easyMultiplier() - (p.easyMultiplier() - 1.0f) / 2.0f;
        int easy = constrainPassing(Math.max(elapsed * cur.ease(), scheduled) * reducedBonus, 0, false);
        return new int[] {hard, good, easy};
    }

    private int[] passingFsrs(CurrentState cur) {
        int max = p.maximumReviewInterval();
        int prev = cur.scheduledDays();
        float h = fsrs[1].interval();
        float g = fsrs[2].interval();
        float y = fsrs[3].interval();
        int hard = constrainPassing(h, Math.max(Fuzz.minimumReviewFuzzInterval(h, prev, max), 1), true);
        int good = constrainPassing(g, Math.max(Fuzz.minimumReviewFuzzInterval(g, prev, max), hard + 1), true);
        int easy = constrainPassing(y, Math.max(Fuzz.minimumReviewFuzzInterval(y, prev, max), good + 1), true);
        return new int[] {hard, good, easy};
    }

    // ---- relearning ----

    private NextState[] relearning(CurrentState cur) {
        LearningSteps steps = new LearningSteps(p.relearnSteps());
        float e = cur.ease();
        int ivl = cur.scheduledDays();
        int lapses = cur.lapses();
        NextState[] out = new NextState[4];

        Integer again = steps.againDelay();
        if (again != null) {
            int days = (int) Math.max(Fuzz.round(failingInterval(ivl)), 1);
            out[0] = NextState.relearning(steps.remainingForFailed(), again, days, e, lapses, false, mem(0));
        } else {
            out[0] = relearnExit(steps, 0, steps.remainingForFailed(), ivl, e, lapses);
        }
        Integer hard = steps.hardDelay(cur.remaining());
        out[1] = hard != null
                ? NextState.relearning(cur.remaining(), hard, ivl, e, lapses, false, mem(1))
                : relearnExit(steps, 1, cur.remaining(), ivl, e, lapses);
        Integer good = steps.goodDelay(cur.remaining());
        int remainingGood = steps.remainingForGood(cur.remaining());
        out[2] = good != null
                ? NextState.relearning(remainingGood, good, ivl, e, lapses, false, mem(2))
                : relearnExit(steps, 2, remainingGood, ivl, e, lapses);
        int easyDays;
        if (fsrs != null) {
            int g = reviewFuzz(fsrs[2].interval(), 1);
            easyDays = reviewFuzz(Math.max(Fuzz.round(fsrs[3].interval()), 1), g + 1);
        } else {
            easyDays = ivl + 1;
        }
        out[3] = NextState.review(easyDays, e, lapses, false, mem(3));
        return out;
    }

    /** No relearning step for this button: SM-2 returns to review with the stored interval; FSRS recomputes. */
    private NextState relearnExit(LearningSteps steps, int i, int remainingIfStaying, int ivl, float e, int lapses) {
        if (fsrs == null) {
            return NextState.review(ivl, e, lapses, false, null);
        }
        float interval = fsrs[i].interval();
        int days = reviewFuzz(Math.max(Fuzz.round(interval), 1), 1);
        if (shortTerm(steps, interval)) {
            return NextState.relearning(remainingIfStaying, daysToSecs(interval), days, e, lapses, false, mem(i));
        }
        return NextState.review(days, e, lapses, false, mem(i));
    }
}
