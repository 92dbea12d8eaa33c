package dev.ankiconnect.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an {@link ActionGroup} bean as the AnkiConnect action of the same name.
 *
 * <p>The parameter names mirror the Python signature of the original, so that binding errors
 * read the same: {@link #value()} are the required parameters in order, {@link #optional()}
 * those with defaults. The method takes either no argument or one {@link Params}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Action {

    /** Required parameters, in the order of the original signature. */
    String[] value() default {};

    /** Parameters that have defaults. */
    String[] optional() default {};
}
