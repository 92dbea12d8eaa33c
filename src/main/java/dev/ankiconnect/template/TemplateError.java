package dev.ankiconnect.template;

/** A template syntax or field-reference error, carrying Anki's English message text. */
public final class TemplateError extends Exception {
    private static final long serialVersionUID = 1L;

    TemplateError(String message) {
        super(message, null, false, false);
    }

    static TemplateError conditionalNotClosed(String key) {
        return new TemplateError("Missing '{{/" + key + "}}'");
    }

    static TemplateError conditionalNotOpen(String closed, String currentlyOpen) {
        if (currentlyOpen != null) {
            return new TemplateError("Found '{{/" + closed + "}}', but expected '{{/" + currentlyOpen + "}}'");
        }
        return new TemplateError(
                "Found '{{/" + closed + "}}', but missing '{{#" + closed + "}}' or '{{^" + closed + "}}'");
    }

    static TemplateError fieldNotFound(String field, String filtersAsWritten) {
        return new TemplateError(
                "Found '{{" + filtersAsWritten + field + "}}', but there is no field called '" + field + "'");
    }

    static TemplateError noSuchConditional(char sigil, String key) {
        return new TemplateError("Found '{{" + sigil + key + "}}', but there is no field called '" + key + "'");
    }
}
