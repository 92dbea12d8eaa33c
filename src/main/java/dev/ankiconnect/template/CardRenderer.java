package dev.ankiconnect.template;

import dev.ankiconnect.text.Html;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders a card's question and answer exactly as AnkiConnect's cardsInfo reports them. */
public final class CardRenderer {
    private CardRenderer() {}

    private static final String ERROR_LINK = "https://docs.ankiweb.net/templates/errors.html#template-syntax-error";
    private static final String BLANK_LINK = "https://docs.ankiweb.net/templates/errors.html#front-of-card-is-blank";
    private static final String BLANK_CLOZE_LINK =
            "https://docs.ankiweb.net/templates/errors.html#no-cloze-filter-on-cloze-note-type";

    /** Anki's empty-front message for standard notetypes. */
    public static final String EMPTY_FRONT_MESSAGE =
            "<div>The front of this card is blank.<br><a href='" + BLANK_LINK + "'>More information</a></div>";

    /** Anki's message for a cloze card whose cloze number is no longer in the note. */
    public static String missingClozeMessage(int clozeNumber) {
        return "<div>No cloze " + clozeNumber + " found on card.\nPlease either add a cloze deletion, or use the "
                + "Empty Cards tool.<br><a href='" + BLANK_CLOZE_LINK + "'>More information</a></div>";
    }

    /** Anki's HTML for a template error on the front or back template. */
    public static String templateErrorHtml(boolean front, String message) {
        return (front ? "Front template has a problem:" : "Back template has a problem:") + "<br>"
                + Html.encodeMinimal(message) + "<br><a href='" + ERROR_LINK + "'>More information</a>";
    }

    /** Renders a card (question, answer, sound/TTS play markers, LaTeX images, CSS prefix). */
    public static RenderedCard render(CardRenderInput in) {
        Map<String, String> fieldMap = fieldMap(in);
        Set<String> nonEmpty = nonEmpty(fieldMap);

        ParsedTemplate q;
        String qText;
        try {
            q = ParsedTemplate.cached(in.template().qfmt());
            qText = Evaluator.render(q, fieldMap, nonEmpty, in.cardOrd(), null);
        } catch (TemplateError e) {
            return error(templateErrorHtml(true, e.getMessage()));
        }

        String emptyMessage = null;
        if (in.cloze()) {
            if (!Cloze.numbersInFields(fieldMap.values()).contains(in.cardOrd() + 1)) {
                emptyMessage = missingClozeMessage(in.cardOrd() + 1);
            }
        } else if (!CardGeneration.rendersWithFields(q, nonEmpty)) {
            emptyMessage = EMPTY_FRONT_MESSAGE;
        }

        String aText;
        AvTags.Extracted qAv;
        if (emptyMessage != null) {
            qAv = AvTags.extract(qText + emptyMessage, true);
            aText = emptyMessage;
        } else {
            qAv = AvTags.extract(qText, true);
            try {
                ParsedTemplate a = ParsedTemplate.cached(in.template().afmt());
                aText = Evaluator.render(a, fieldMap, nonEmpty, in.cardOrd(), qAv.text());
            } catch (TemplateError e) {
                return error(templateErrorHtml(false, e.getMessage()));
            }
        }
        AvTags.Extracted aAv = AvTags.extract(aText, false);

        Latex.Result qLatex = Latex.extract(qAv.text(), in.latexSvg());
        Latex.Result aLatex = Latex.extract(aAv.text(), in.latexSvg());
        List<Latex.Snippet> snippets = qLatex.snippets().isEmpty()
                ? aLatex.snippets()
                : java.util.stream.Stream.concat(qLatex.snippets().stream(), aLatex.snippets().stream())
                        .toList();
        String css = in.css() == null ? "" : in.css();
        return new RenderedCard(
                css, qLatex.html(), aLatex.html(), emptyMessage != null, false, qAv.tags(), aAv.tags(), snippets);
    }

    /**
     * Convenience form: {@code tags} may be the stored " a b " string; deck is the card's home
     * deck human name; {@code cardOrd} is the template ord (cloze: cloze number - 1).
     */
    public static RenderedCard render(
            CardTemplate template,
            boolean cloze,
            Map<String, String> fieldsInOrder,
            String tags,
            String notetypeName,
            String deckName,
            long cardId,
            int cardOrd,
            int flags,
            String css) {
        return render(new CardRenderInput(
                template,
                cloze,
                fieldsInOrder,
                dev.ankiconnect.text.Tags.split(tags),
                notetypeName,
                deckName,
                cardId,
                cardOrd,
                flags,
                css,
                false));
    }

    // On a template error pylib returns the error for both sides with an empty stylesheet.
    private static RenderedCard error(String html) {
        return new RenderedCard("", html, html, false, true, List.of(), List.of(), List.of());
    }

    /** The field map Anki renders with: note fields plus special fields that no note field shadows. */
    public static Map<String, String> fieldMap(CardRenderInput in) {
        Map<String, String> map = new HashMap<>(in.fields().size() * 2 + 16);
        map.putAll(in.fields());
        String deck = in.deckName() == null ? "(Deck)" : in.deckName();
        int sep = deck.lastIndexOf("::");
        map.putIfAbsent("Tags", String.join(" ", in.tags()));
        map.putIfAbsent("Type", in.notetypeName());
        map.putIfAbsent("Subdeck", sep < 0 ? deck : deck.substring(sep + 2));
        map.putIfAbsent("Deck", deck);
        map.putIfAbsent("CardFlag", "flag" + in.flags());
        map.putIfAbsent("Card", in.template().name());
        map.putIfAbsent("CardID", Long.toString(in.cardId()));
        map.putIfAbsent("c" + (in.cardOrd() + 1), "1");
        return map;
    }

    static Set<String> nonEmpty(Map<String, String> fieldMap) {
        Set<String> set = new HashSet<>(fieldMap.size() * 2);
        for (Map.Entry<String, String> e : fieldMap.entrySet()) {
            if (!CardGeneration.fieldIsEmpty(e.getValue())) {
                set.add(e.getKey());
            }
        }
        return set;
    }
}
