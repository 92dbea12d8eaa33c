package dev.ankiconnect.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link Action} that only reads the collection. Its transaction is always rolled back, so a write
 * slipped into it can never be kept (and shows up in tests), and it leaves the collection's write counter alone:
 * searches may then be answered from the in-memory copy of the collection (see {@code search.run.SearchMemory}).
 * Every action without this mark counts as a write. A read that must create what it names, as Anki does (a deck
 * by name), calls {@code db.Tx.keepWrites()}: that one call is committed and counted as a write.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadOnly {}
