package dev.ankiconnect.template;

/** One card template of a notetype: name, ordinal, question format and answer format. */
public record CardTemplate(String name, int ord, String qfmt, String afmt) {}
