package dev.ankiconnect.search;

/**
 * One SQL-narrowed row handed to the JVM-side filter. Card columns are only filled when the compiled search
 * selected them ({@link CompiledSearch#cardColumns()}); {@code flags} are the CASE columns for exact SQL
 * sub-conditions that the filter needs inside OR/NOT.
 */
public record SearchRow(
        long id,
        long noteId,
        long mid,
        String flds,
        String sfld,
        String tags,
        String cardData,
        int ctype,
        int queue,
        long due,
        long odue,
        int ivl,
        boolean[] flags) {

    boolean flag(int i) {
        return flags[i];
    }
}
