package dev.ankiconnect.apkg;

import java.io.IOException;

/** Thrown when a file is not a readable Anki package (not a zip, no collection, corrupt SQLite...). */
public class PackageFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public PackageFormatException(String message) {
        super(message);
    }

    public PackageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
