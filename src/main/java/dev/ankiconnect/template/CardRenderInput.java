package dev.ankiconnect.template;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to render one card.
 *
 * @param template the card's template (for cloze notetypes: the single template)
 * @param cloze whether the notetype is a cloze notetype
 * @param fields note fields in notetype order, name to raw HTML
 * @param tags the note's tags (without outer spaces)
 * @param notetypeName value of {{Type}}
 * @param deckName human name ("A::B") of the card's home deck (odid if set, else did); null gives "(Deck)"
 * @param cardId value of {{CardID}}
 * @param cardOrd the card's ordinal (cloze: cloze number - 1)
 * @param flags the card's flags value, for {{CardFlag}}
 * @param css notetype CSS prefixed to both sides
 * @param latexSvg notetype latexsvg: LaTeX images are .svg instead of .png
 */
public record CardRenderInput(
        CardTemplate template,
        boolean cloze,
        Map<String, String> fields,
        List<String> tags,
        String notetypeName,
        String deckName,
        long cardId,
        int cardOrd,
        int flags,
        String css,
        boolean latexSvg) {}
