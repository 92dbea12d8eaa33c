package dev.ankiconnect.template;

import dev.ankiconnect.text.Html;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Anki's LaTeX extraction: {@code [latex]}, {@code [$]}, {@code [$$]} become image links. */
public final class Latex {
    private Latex() {}

    private static final Pattern LATEX = Pattern.compile(
            "\\[latex\\](.+?)\\[/latex\\]|\\[\\$\\](.+?)\\[/\\$\\]|\\[\\$\\$\\](.+?)\\[/\\$\\$\\]",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern NEWLINES = Pattern.compile("<br( /)?>|<div>", Pattern.CASE_INSENSITIVE);

    /** One LaTeX snippet: the image file name it maps to and the LaTeX source to render. */
    public record Snippet(String fileName, String latex) {}

    /** Rewritten HTML plus the snippets whose images the caller may need to generate. */
    public record Result(String html, List<Snippet> snippets) {}

    /** Replaces LaTeX markup by {@code <img class=latex alt=".." src="latex-SHA1.png|svg">}. */
    public static Result extract(String text, boolean svg) {
        if (!mayContainLatex(text)) {
            return new Result(text, List.of());
        }
        List<Snippet> snippets = new ArrayList<>();
        Matcher m = LATEX.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String latex;
            if (m.group(1) != null) {
                latex = m.group(1);
            } else if (m.group(2) != null) {
                latex = "$" + m.group(2) + "$";
            } else {
                latex = "\\begin{displaymath}" + m.group(3) + "\\end{displaymath}";
            }
            String src = Html.stripHtml(NEWLINES.matcher(latex).replaceAll("\n"));
            String fname = "latex-" + sha1Hex(src) + (svg ? ".svg" : ".png");
            snippets.add(new Snippet(fname, src));
            m.appendReplacement(sb, "");
            sb.append("<img class=latex alt=\"")
                    .append(Html.encodeAttribute(src))
                    .append("\" src=\"")
                    .append(fname)
                    .append("\">");
        }
        m.appendTail(sb);
        return new Result(snippets.isEmpty() ? text : sb.toString(), List.copyOf(snippets));
    }

    // Cheap pre-check so the regex only runs when "[$" or "[latex" (any case) occurs.
    private static boolean mayContainLatex(String text) {
        for (int i = text.indexOf('['); i >= 0 && i + 1 < text.length(); i = text.indexOf('[', i + 1)) {
            char c = text.charAt(i + 1);
            if (c == '$' || text.regionMatches(true, i + 1, "latex]", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    private static String sha1Hex(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(40);
            for (byte b : d) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
