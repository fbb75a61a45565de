package dev.credence.annotation;

import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelValue;
import io.quarkus.qute.RawString;
import java.util.List;

/**
 * The two large repeated parts of the document page, written straight into one buffer instead of through a
 * template loop (issue 10, item 5): the text's segments (≈ 2,000 {@code <span>}s for 1,000 claims) and the claim
 * list (one compact item per claim). With Qute these two loops were most of the page's server time. Every text
 * that comes from a user is escaped here exactly as Qute escapes it ({@code & < > " '}).
 *
 * <p>A claim item carries only what is its own: its text, chain, grades and labels, and two plain links (edit,
 * history) and a delete button without any htmx attributes; one delegated handler in {@code credence.js} turns
 * the edit link into an in-page request and the delete button into a confirmed POST. Without JavaScript the
 * edit link is an ordinary link to the edit page and the delete button is hidden, as before.
 */
public final class DocumentPageHtml {
    private DocumentPageHtml() {
    }

    /** The inner HTML of {@code #doc-text}: one span per segment, {@code data-s} its code-point start. */
    public static RawString text(List<Segmenter.Segment> segments) {
        // Sized for the whole result, so the buffer is never copied while it grows (a 1,000-claim page's text is
        // ≈ 180 kB: ≈ 50 bytes of markup per segment plus the text itself).
        int size = 1024;
        for (Segmenter.Segment s : segments) {
            size += 64 + s.text().length();
        }
        StringBuilder sb = new StringBuilder(size);
        for (Segmenter.Segment s : segments) {
            if (s.marked()) {
                sb.append("<span class=\"").append(s.cls()).append("\" data-s=\"").append(s.startCp()).append('"');
                ids(sb, " data-c=\"", s.claimIds());
                ids(sb, " data-m=\"", s.mentionIds());
                ids(sb, " data-u=\"", s.cueIds());
                sb.append('>');
            } else {
                sb.append("<span class=\"seg\" data-s=\"").append(s.startCp()).append("\">");
            }
            escape(sb, s.text()).append("</span>");
        }
        return new RawString(sb.toString());
    }

    /** The items of {@code #claim-list}. */
    public static RawString claims(long documentId, List<PageClaims.Row> claims, boolean editable, LabelSchema schema) {
        // ≈ 1.2–1.5 kB per two-hop claim item: sized so the 1.5 MB buffer of 1,000 claims is not copied as it grows.
        int size = 256;
        for (PageClaims.Row c : claims) {
            size += 1000 + 250 * c.hops().size() + (c.exact() == null ? 0 : Math.min(140, c.exact().length()));
        }
        StringBuilder sb = new StringBuilder(size);
        for (PageClaims.Row c : claims) {
            item(sb, documentId, c, editable, schema);
        }
        return new RawString(sb.toString());
    }

    static void item(StringBuilder sb, long documentId, PageClaims.Row c, boolean editable, LabelSchema schema) {
        long id = c.id();
        sb.append("<li id=\"claim-").append(id).append("\" class=\"claim-item").append(c.orphaned() ? " orphaned" : "")
                .append("\" data-claim=\"").append(id).append("\">");
        if (c.orphaned()) {
            sb.append("<p class=\"orphan-flag\" role=\"note\"><strong>Orphaned</strong>: not found in the corrected"
                    + " text. Its last text (revision ").append(c.orphanedRevision() == null ? "?" : c.orphanedRevision())
                    .append(") is below; select where it belongs now and press Re-place, or edit or delete it.</p>");
        }
        sb.append("<button type=\"button\" class=\"claim-show\" aria-describedby=\"claim-").append(id).append("-meta\">");
        escape(sb, AnnotationTemplateExtensions.truncate(c.exact(), 140)).append("</button>");
        sb.append("<div class=\"claim-meta\" id=\"claim-").append(id).append("-meta\">");
        List<PageClaims.Hop> hops = c.hops();
        if (hops.isEmpty()) {
            sb.append("<span class=\"muted\">no attribution</span>");
        } else {
            sb.append("<span class=\"chain\"><span class=\"sr-only\">Attribution: </span>");
            for (int i = hops.size() - 1; i >= 0; i--) { // outlet first, as readers say the chain
                PageClaims.Hop h = hops.get(i);
                if (i < hops.size() - 1) {
                    sb.append("<span class=\"arrow\" aria-label=\"from\"> ← </span>");
                }
                sb.append("<span class=\"hop\"><span class=\"src\">");
                escape(sb, h.source()).append("</span> ").append(GradeBadges.reliability(h.reliability()).getValue())
                        .append(" <span class=\"rel").append(h.defaultRelation() ? " sr-only" : "").append("\">");
                escape(sb, h.relationLabel()).append("</span></span>");
            }
            sb.append("</span>");
        }
        sb.append(" <span class=\"facts\">").append(GradeBadges.credibility(c.credibility()).getValue());
        if (c.kind() != null) {
            LabelValue.Def k = schema == null ? null : schema.find(LabelField.kind, c.kind());
            sb.append(" <span class=\"tag kind-tag\">");
            if (k != null) {
                sb.append("<svg class=\"swatch\" viewBox=\"0 0 10 10\" aria-hidden=\"true\" focusable=\"false\">"
                        + "<rect width=\"10\" height=\"10\" rx=\"2\" fill=\"");
                escape(sb, k.colour()).append("\"/></svg>");
                escape(sb, k.label());
            } else {
                escape(sb, c.kind());
            }
            sb.append("</span>");
        }
        if (c.stance() != null) {
            escape(sb.append(" <span class=\"tag\">"), c.stance()).append("</span>");
        }
        if (Boolean.TRUE.equals(c.checkWorthy())) {
            sb.append(" <span class=\"tag\">check-worthy</span>");
        }
        sb.append("</span></div>");
        sb.append("<a class=\"claim-link small\" href=\"/claims/").append(id)
                .append("\" aria-label=\"History and comments of claim ").append(id).append("\">History &amp; comments</a>");
        if (editable) {
            sb.append("<div class=\"item-actions\"><a class=\"button small\" href=\"/documents/").append(documentId)
                    .append("/claims/").append(id).append("/edit\" data-edit aria-label=\"Edit claim ").append(id)
                    .append("\">Edit</a>");
            if (c.orphaned()) {
                sb.append(" <button type=\"button\" class=\"small primary js-only\" data-replace=\"").append(id)
                        .append("\" aria-label=\"Re-place claim ").append(id)
                        .append(" at the selected text\">Re-place</button>");
            }
            sb.append(" <button type=\"button\" class=\"small danger js-only\" data-delete aria-label=\"Delete claim ")
                    .append(id).append("\">Delete</button></div>");
        }
        sb.append("</li>");
    }

    private static void ids(StringBuilder sb, String attr, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        sb.append(attr);
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(ids.get(i).longValue());
        }
        sb.append('"');
    }

    /** HTML-escapes as Qute's default escaper does; null is empty. */
    static StringBuilder escape(StringBuilder sb, String text) {
        if (text == null) {
            return sb;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb;
    }
}
