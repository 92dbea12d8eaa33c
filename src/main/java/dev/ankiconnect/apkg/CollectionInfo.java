package dev.ankiconnect.apkg;

import jakarta.json.JsonObject;

/**
 * The {@code col} row's scalar columns plus the collection config. {@code crt} is Unix seconds,
 * {@code mod}/{@code scm} are ms, {@code ver} is the schema version of the source file (11 or 18),
 * {@code conf} the collection config in its v11 JSON form (for schema 18: the {@code config} table).
 */
public record CollectionInfo(long crt, long mod, long scm, int ver, JsonObject conf) {}
