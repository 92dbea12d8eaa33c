package dev.ankiconnect.search;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * Ids as found, held as {@code long}s: a search may find tens of thousands, and a boxed {@code Long} each costs
 * an allocation that the reply would only unbox again. Read-only as a list.
 */
public final class IdList extends AbstractList<Long> implements RandomAccess {

    private long[] values;
    private int size;

    IdList(int capacity) {
        values = new long[Math.max(capacity, 16)];
    }

    void add(long id) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = id;
    }

    @Override
    public Long get(int index) {
        return at(index);
    }

    /** The id at {@code index}, unboxed. */
    public long at(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return values[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** A copy of the ids as an array. */
    public long[] toLongArray() {
        return Arrays.copyOf(values, size);
    }
}
