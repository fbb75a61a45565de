package dev.credence.document;

import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Article text and metadata from a saved news page. Reviewers annotate what the outlet
 * wrote, so menus, scripts, teasers, comment widgets and "story continues below" lines go;
 * paragraphs come out separated by a blank line.
 */
public final class HtmlArticleExtractor {
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "h1", "h2",
            "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption",
            "table", "thead", "tbody", "tr", "td", "th", "hr", "address", "details", "summary", "body");

    /** Whole elements that never hold article prose. */
    private static final String NOT_PROSE = "script, style, noscript, template, nav, footer, aside, form, iframe, svg, "
            + "button, input, select, textarea, object, embed, canvas, img, picture, video, audio, dialog, menu, "
            + "[hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], "
            + "[role=complementary], [role=search], [role=dialog]";

    /** A class or id token that marks ads, share bars, comment widgets, teasers and similar furniture. */
    private static final Pattern NOISE_TOKEN = Pattern.compile("(?i)ads?|adv|advert.*|ad[-_].*|.*[-_]ads?|sponsor.*"
            + "|promo.*|comments?|comments?[-_].*|disqus.*|share|sharing|share[-_].*|social.*|related.*|recommend.*"
            + "|newsletter.*|subscribe.*|subscription.*|paywall.*|cookie.*|consent.*|breadcrumbs?|sidebar.*|popup.*"
            + "|modal.*|outbrain.*|taboola.*|read[-_]?more|more[-_]stories|trending.*|byline[-_]share.*");

    /** A whole paragraph that is page furniture, not article text. */
    private static final Pattern NOISE_LINE = Pattern.compile("(?i)(story continues below (this )?(ad|advertisement)"
            + "|advertisements?|sponsored( content)?|continue reading( below)?|read more|(also read|read also|"
            + "read more|related|see also) ?:.*|share( this)?( article| story)?|skip to (main )?content"
            + "|subscribe( now)?|sign up( now)?|(loading|load) comments.*|\\d+ comments?)[.:!…]?");

    private static final Pattern TRAILING_READ_MORE = Pattern.compile("(?i)\\s+read more\\s*$");

    private HtmlArticleExtractor() {
    }

    public static ArticleInput extract(InputStream html, String fileName) throws IOException {
        return extract(Jsoup.parse(html, null, ""), fileName);
    }

    public static ArticleInput extract(String html, String fileName) {
        return extract(Jsoup.parse(html), fileName);
    }

    static ArticleInput extract(org.jsoup.nodes.Document page, String fileName) {
        String title = first(meta(page, "og:title"), text(page.selectFirst("h1")), page.title());
        String url = webAddress(first(page.select("link[rel=canonical]").attr("href"), meta(page, "og:url")));
        String publisher = first(meta(page, "og:site_name"));
        String published = date(first(meta(page, "article:published_time"),
                page.select("[itemprop=datePublished]").attr("content"),
                page.select("time[datetime]").attr("datetime"),
                page.select("meta[name=date]").attr("content")));

        Element root = articleRoot(page);
        strip(root);
        String text = String.join("\n\n", paragraphs(root));
        if (title == null) {
            title = fileName.replaceFirst("\\.[^.]*$", "");
        }
        return new ArticleInput(TextNormalizer.truncate(ArticleValidator.singleLine(title), ArticleValidator.MAX_TITLE),
                url, TextNormalizer.truncate(ArticleValidator.singleLine(publisher), ArticleValidator.MAX_PUBLISHER),
                published, text, fileName, 0);
    }

    /** The largest {@code <article>}, else {@code <main>}, else the body. */
    private static Element articleRoot(org.jsoup.nodes.Document page) {
        Elements articles = page.select("article");
        if (!articles.isEmpty()) {
            return articles.stream().max(Comparator.comparingInt(e -> e.text().length())).orElseThrow();
        }
        Element main = page.selectFirst("main, [role=main]");
        return main != null ? main : page.body();
    }

    private static void strip(Element root) {
        root.select(NOT_PROSE).remove();
        // A page header is the site's masthead; a header inside the article holds its headline and byline.
        for (Element header : root.select("header")) {
            if (header.closest("article") == null) {
                header.remove();
            }
        }
        for (Element e : root.select("[class], [id]")) {
            if (e != root && e.parent() != null && isNoise(e)) {
                e.remove();
            }
        }
    }

    private static boolean isNoise(Element e) {
        for (String token : (e.className() + " " + e.id()).trim().split("\\s+")) {
            if (!token.isEmpty() && NOISE_TOKEN.matcher(token).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Block elements become paragraphs, {@code <br>} a line break; whitespace is folded except in {@code <pre>}. */
    static List<String> paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int[] preDepth = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    current.append(preDepth[0] > 0 ? t.getWholeText() : t.getWholeText().replaceAll("[\\s\\u00A0]+", " "));
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("br")) {
                        current.append('\n');
                    } else if (BLOCKS.contains(e.normalName())) {
                        flush(current, out, preDepth[0] > 0);
                    }
                    if (e.normalName().equals("pre")) {
                        preDepth[0]++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    flush(current, out, preDepth[0] > 0);
                    if (e.normalName().equals("pre")) {
                        preDepth[0]--;
                    }
                }
            }
        }, root);
        flush(current, out, false);
        return out;
    }

    private static void flush(StringBuilder current, List<String> out, boolean pre) {
        String p = current.toString();
        current.setLength(0);
        if (pre) {
            p = p.replaceAll("^\\s*\\n", "").stripTrailing();
        } else {
            p = p.replaceAll(" *\\n *", "\n").replaceAll("\\n{2,}", "\n").strip();
            p = TRAILING_READ_MORE.matcher(p).replaceFirst("");
        }
        if (p.isBlank() || NOISE_LINE.matcher(p.strip()).matches()) {
            return;
        }
        // Scraped pages often repeat the headline (page title, then h1): keep one.
        if (!out.isEmpty() && out.get(out.size() - 1).equals(p)) {
            return;
        }
        out.add(p);
    }

    private static String meta(org.jsoup.nodes.Document page, String property) {
        Element m = page.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return m == null ? null : m.attr("content");
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c.strip();
            }
        }
        return null;
    }

    /** A canonical link is a hint, not a requirement: anything but an absolute http(s) address is ignored. */
    private static String webAddress(String url) {
        return url != null && url.length() <= ArticleValidator.MAX_URL && ArticleValidator.isWebAddress(url) ? url : null;
    }

    /** The page's date as yyyy-MM-dd if it can be read; an unreadable date is dropped rather than failing the file. */
    private static String date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ArticleValidator.parseDate(value).toString();
        } catch (DateTimeParseException e) {
            if (value.length() >= 10) {
                try {
                    return ArticleValidator.parseDate(value.substring(0, 10)).toString();
                } catch (DateTimeParseException ignored) {
                    // fall through
                }
            }
            return null;
        }
    }
}
