package dev.ankiconnect.template;

import dev.ankiconnect.text.Html;
import java.util.Set;

/** Renders image-occlusion clozes ({@code {{c1::image-occlusion:rect:left=..}}}) as Anki does. */
final class ImageOcclusion {
    private ImageOcclusion() {}

    private static final Set<String> SHAPES = Set.of("rect", "ellipse", "polygon", "text");

    static String render(String spec, boolean question, boolean active, Cloze.ClozePart c) {
        boolean hasZero = false;
        for (int o : c.ordinals()) {
            hasZero |= o == 0;
        }
        String cls;
        if ((question && active) || hasZero) {
            cls = "cloze";
        } else if (!active) {
            cls = "cloze-inactive";
        } else {
            cls = "cloze-highlight";
        }
        return "<div class=\"" + cls + "\" data-ordinal=\"" + c.ordinalsString() + "\" " + data(spec) + "></div>";
    }

    // "shape:k=v:k=v" with "\:" and "\\" escapes inside values.
    static String data(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return "";
        }
        String shape = spec.substring(0, colon);
        StringBuilder out = new StringBuilder();
        if (SHAPES.contains(shape)) {
            out.append("data-shape=\"").append(shape).append("\" ");
        }
        int i = colon;
        while (i < spec.length() && spec.charAt(i) == ':') {
            int eq = spec.indexOf('=', i + 1);
            if (eq < 0 || eq == i + 1) {
                break;
            }
            String name = spec.substring(i + 1, eq);
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            while (j < spec.length()) {
                char ch = spec.charAt(j);
                if (ch == '\\' && j + 1 < spec.length() && (spec.charAt(j + 1) == ':' || spec.charAt(j + 1) == '\\')) {
                    value.append(spec.charAt(j + 1));
                    j += 2;
                } else if (ch == ':' || ch == '\\') {
                    break;
                } else {
                    value.append(ch);
                    j++;
                }
            }
            appendProperty(out, name, value.toString());
            i = j;
        }
        return out.toString();
    }

    private static void appendProperty(StringBuilder out, String name, String v) {
        switch (name) {
            case "left", "top", "angle", "fill" -> {
                if (!v.isEmpty()) {
                    attr(out, name, v);
                }
            }
            case "width", "height", "rx", "ry", "scale" -> {
                if (!v.isEmpty() && !v.equals("0")) {
                    attr(out, name, v);
                }
            }
            case "points" -> {
                StringBuilder pts = new StringBuilder();
                for (String pair : v.split(" ", -1)) {
                    int comma = pair.indexOf(',');
                    if (comma < 0) {
                        continue;
                    }
                    pts.append(pair, 0, comma)
                            .append(',')
                            .append(pair.substring(comma + 1))
                            .append(' ');
                }
                if (pts.length() > 0) {
                    pts.setLength(pts.length() - 1);
                    attr(out, "points", pts.toString());
                }
            }
            case "oi" -> {
                if (!v.isEmpty()) {
                    attr(out, "occludeInactive", v);
                }
            }
            case "text" -> {
                if (!v.isEmpty()) {
                    attr(out, "text", Html.encodeAttribute(v));
                }
            }
            case "fs" -> {
                if (!v.isEmpty()) {
                    attr(out, "font-size", v);
                }
            }
            default -> {}
        }
    }

    private static void attr(StringBuilder out, String name, String value) {
        out.append("data-").append(name).append("=\"").append(value).append("\" ");
    }
}
