package dev.ankiconnect.scheduler;

import java.util.List;

/**
 * The deck-option values the scheduler reads, with Anki's units: steps in minutes, intervals in days,
 * ease and multipliers as plain factors (2.5 = 250%), FSRS parameter lists possibly empty.
 */
public record Preset(
        List<Float> learnSteps,
        List<Float> relearnSteps,
        int newPerDay,
        int reviewsPerDay,
        float initialEase,
        int graduatingIntervalGood,
        int graduatingIntervalEasy,
        float easyMultiplier,
        float hardMultiplier,
        float intervalMultiplier,
        int maximumReviewInterval,
        float lapseMultiplier,
        int minimumLapseInterval,
        int leechThreshold,
        LeechAction leechAction,
        int capAnswerTimeToSecs,
        boolean buryNew,
        boolean buryReviews,
        boolean buryInterdayLearning,
        float desiredRetention,
        float historicalRetention,
        List<Float> fsrsParams4,
        List<Float> fsrsParams5,
        List<Float> fsrsParams6) {

    public Preset {
        learnSteps = List.copyOf(learnSteps);
        relearnSteps = List.copyOf(relearnSteps);
        fsrsParams4 = List.copyOf(fsrsParams4);
        fsrsParams5 = List.copyOf(fsrsParams5);
        fsrsParams6 = List.copyOf(fsrsParams6);
    }

    /** Anki's DeckConfig::default (ANKI-MODEL 1.11). */
    public static Preset defaults() {
        return new Preset(
                List.of(1f, 10f),
                List.of(10f),
                20,
                200,
                2.5f,
                1,
                4,
                1.3f,
                1.2f,
                1.0f,
                36500,
                0.0f,
                1,
                8,
                LeechAction.TAG_ONLY,
                60,
                false,
                false,
                false,
                0.9f,
                0.9f,
                List.of(),
                List.of(),
                List.of());
    }

    /** The parameter list Anki uses: FSRS-6 if set, else FSRS-5, else FSRS-4.5 (possibly empty). */
    public List<Float> fsrsParams() {
        if (!fsrsParams6.isEmpty()) {
            return fsrsParams6;
        }
        return !fsrsParams5.isEmpty() ? fsrsParams5 : fsrsParams4;
    }

    public Preset withLearnSteps(List<Float> steps) {
        return new Preset(
                steps,
                relearnSteps,
                newPerDay,
                reviewsPerDay,
                initialEase,
                graduatingIntervalGood,
                graduatingIntervalEasy,
                easyMultiplier,
                hardMultiplier,
                intervalMultiplier,
                maximumReviewInterval,
                lapseMultiplier,
                minimumLapseInterval,
                leechThreshold,
                leechAction,
                capAnswerTimeToSecs,
                buryNew,
                buryReviews,
                buryInterdayLearning,
                desiredRetention,
                historicalRetention,
                fsrsParams4,
                fsrsParams5,
                fsrsParams6);
    }

    public Preset withRelearnSteps(List<Float> steps) {
        return new Preset(
                learnSteps,
                steps,
                newPerDay,
                reviewsPerDay,
                initialEase,
                graduatingIntervalGood,
                graduatingIntervalEasy,
                easyMultiplier,
                hardMultiplier,
                intervalMultiplier,
                maximumReviewInterval,
                lapseMultiplier,
                minimumLapseInterval,
                leechThreshold,
                leechAction,
                capAnswerTimeToSecs,
                buryNew,
                buryReviews,
                buryInterdayLearning,
                desiredRetention,
                historicalRetention,
                fsrsParams4,
                fsrsParams5,
                fsrsParams6);
    }

    public Preset withLeech(int threshold, LeechAction action) {
        return new Preset(
                learnSteps,
                relearnSteps,
                newPerDay,
                reviewsPerDay,
                initialEase,
                graduatingIntervalGood,
                graduatingIntervalEasy,
                easyMultiplier,
                hardMultiplier,
                intervalMultiplier,
                maximumReviewInterval,
                lapseMultiplier,
                minimumLapseInterval,
                threshold,
                action,
                capAnswerTimeToSecs,
                buryNew,
                buryReviews,
                buryInterdayLearning,
                desiredRetention,
                historicalRetention,
                fsrsParams4,
                fsrsParams5,
                fsrsParams6);
    }

    public Preset withBury(boolean newCards, boolean reviews, boolean interdayLearning) {
        return new Preset(
                learnSteps,
                relearnSteps,
                newPerDay,
                reviewsPerDay,
                initialEase,
                graduatingIntervalGood,
                graduatingIntervalEasy,
                easyMultiplier,
                hardMultiplier,
                intervalMultiplier,
                maximumReviewInterval,
                lapseMultiplier,
                minimumLapseInterval,
                leechThreshold,
                leechAction,
                capAnswerTimeToSecs,
                newCards,
                reviews,
                interdayLearning,
                desiredRetention,
                historicalRetention,
                fsrsParams4,
                fsrsParams5,
                fsrsParams6);
    }

    public Preset withFsrsParams6(List<Float> params) {
        return new Preset(
                learnSteps,
                relearnSteps,
                newPerDay,
                reviewsPerDay,
                initialEase,
                graduatingIntervalGood,
                graduatingIntervalEasy,
                easyMultiplier,
                hardMultiplier,
                intervalMultiplier,
                maximumReviewInterval,
                lapseMultiplier,
                minimumLapseInterval,
                leechThreshold,
                leechAction,
                capAnswerTimeToSecs,
                buryNew,
                buryReviews,
                buryInterdayLearning,
                desiredRetention,
                historicalRetention,
                fsrsParams4,
                fsrsParams5,
                params);
    }
}
