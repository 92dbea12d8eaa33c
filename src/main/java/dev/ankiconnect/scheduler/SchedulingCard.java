package dev.ankiconnect.scheduler;

/**
 * The scheduling-relevant columns of a card row plus the scheduler's keys of its {@code data} JSON.
 *
 * <p>Encodings are Anki's raw ones (ANKI-MODEL 1.5): type 0-3 ({@link CardType} codes), queue -3..4 ({@link CardQueue} codes), due by queue,
 * ivl in days, factor in permille, {@code left} as stored. Nullable fields mirror absent data keys:
 * {@code originalPosition} = {@code pos}, {@code memory} = {@code s}/{@code d},
 * {@code desiredRetention} = {@code dr}, {@code decay} = {@code decay},
 * {@code lastReviewTime} = {@code lrt} (Unix seconds). Memory values are kept unrounded;
 * round them (s 4, d 3, dr 2, decay 3 decimals) when writing JSON.
 */
public record SchedulingCard(
        long id,
        int type,
        int queue,
        int due,
        int ivl,
        int factor,
        int reps,
        int lapses,
        int left,
        int odue,
        long odid,
        Integer originalPosition,
        MemoryState memory,
        Float desiredRetention,
        Float decay,
        Long lastReviewTime) {

    /** A fresh new card at the given new-card position. */
    public static SchedulingCard newCard(long id, int position) {
        return new Builder()
                .id(id)
                .type(CardType.NEW.code())
                .queue(CardQueue.NEW.code())
                .due(position)
                .build();
    }

    public boolean isFiltered() {
        return odid != 0;
    }

    /** {@code odue} while in a filtered deck, else {@code due} (Anki's original_or_current_due). */
    public int originalOrCurrentDue() {
        return isFiltered() && odue != 0 ? odue : due;
    }

    /** Remaining steps as the v3 scheduler reads them (older versions packed a count into the thousands). */
    public int remainingSteps() {
        return left % 1000;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent copy-and-modify helper; records are immutable. */
    public static final class Builder {
        private long id;
        private int type;
        private int queue;
        private int due;
        private int ivl;
        private int factor;
        private int reps;
        private int lapses;
        private int left;
        private int odue;
        private long odid;
        private Integer originalPosition;
        private MemoryState memory;
        private Float desiredRetention;
        private Float decay;
        private Long lastReviewTime;

        public Builder() {}

        private Builder(SchedulingCard c) {
            id = c.id;
            type = c.type;
            queue = c.queue;
            due = c.due;
            ivl = c.ivl;
            factor = c.factor;
            reps = c.reps;
            lapses = c.lapses;
            left = c.left;
            odue = c.odue;
            odid = c.odid;
            originalPosition = c.originalPosition;
            memory = c.memory;
            desiredRetention = c.desiredRetention;
            decay = c.decay;
            lastReviewTime = c.lastReviewTime;
        }

        public Builder id(long v) {
            id = v;
            return this;
        }

        public Builder type(int v) {
            type = v;
            return this;
        }

        public Builder queue(int v) {
            queue = v;
            return this;
        }

        public Builder due(int v) {
            due = v;
            return this;
        }

        public Builder ivl(int v) {
            ivl = v;
            return this;
        }

        public Builder factor(int v) {
            factor = v;
            return this;
        }

        public Builder reps(int v) {
            reps = v;
            return this;
        }

        public Builder lapses(int v) {
            lapses = v;
            return this;
        }

        public Builder left(int v) {
            left = v;
            return this;
        }

        public Builder odue(int v) {
            odue = v;
            return this;
        }

        public Builder odid(long v) {
            odid = v;
            return this;
        }

        public Builder originalPosition(Integer v) {
            originalPosition = v;
            return this;
        }

        public Builder memory(MemoryState v) {
            memory = v;
            return this;
        }

        public Builder desiredRetention(Float v) {
            desiredRetention = v;
            return this;
        }

        public Builder decay(Float v) {
            decay = v;
            return this;
        }

        public Builder lastReviewTime(Long v) {
            lastReviewTime = v;
            return this;
        }

        public SchedulingCard build() {
            return new SchedulingCard(
                    id,
                    type,
                    queue,
                    due,
                    ivl,
                    factor,
                    reps,
                    lapses,
                    left,
                    odue,
                    odid,
                    originalPosition,
                    memory,
                    desiredRetention,
                    decay,
                    lastReviewTime);
        }
    }
}
