package dev.opsledger.platform.core.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list endpoint: at most {@code limit} entries and the cursor of the next page,
 * null on the last. Every list endpoint answers this shape, with {@code limit} (default
 * {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) and {@code cursor} parameters.
 */
public record Page<T>(List<T> entries, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public Page {
        entries = List.copyOf(entries);
    }

    /**
     * The page from a query that asked for {@code limit + 1} rows: the extra row only says that
     * another page exists, without counting.
     *
     * @param cursorOf the sort keys of an entry, e.g. {@code view -> Cursor.of(view.createdAt(), view.id())}
     */
    public static <T> Page<T> of(List<T> rowsPlusOne, int limit, Function<T, Cursor> cursorOf) {
        if (rowsPlusOne.size() <= limit) {
            return new Page<>(rowsPlusOne, null);
        }
        List<T> entries = rowsPlusOne.subList(0, limit);
        return new Page<>(entries, cursorOf.apply(entries.getLast()).encode());
    }

    /** Each entry mapped, the cursor kept. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(entries.stream().map(mapper).toList(), nextCursor);
    }
}
