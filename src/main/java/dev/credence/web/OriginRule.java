package dev.credence.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Whether a state-changing browser request comes from our own site. Browsers send {@code Origin} on
 * every POST; when it is absent we look at {@code Referer}; when both are absent (scripts, tests,
 * privacy tools that strip both) the request is allowed, because the CSRF token still has to match.
 * A present {@code Origin} that names another site — or the opaque {@code null} origin of a
 * sandboxed frame — is refused.
 */
public final class OriginRule {
    private OriginRule() {
    }

    /** @param sender the origin that was refused (for the message), or null when allowed */
    public record Verdict(boolean allowed, String sender) {
    }

    /**
     * @param scheme the request's scheme (http or https, as Quarkus sees it after proxy headers)
     * @param authority the request's Host (host[:port])
     * @param extraOrigins further origins to trust, such as the public name behind a proxy
     */
    public static Verdict check(String origin, String referer, String scheme, String authority, List<String> extraOrigins) {
        String sender = origin != null && !origin.isBlank() ? origin.trim()
                : referer != null && !referer.isBlank() ? originOf(referer.trim()) : null;
        if (sender == null) {
            return new Verdict(true, null);
        }
        String own = normalize(scheme + "://" + authority);
        String from = normalize(sender);
        if (from != null && (from.equals(own) || extraOrigins.stream().map(OriginRule::normalize).anyMatch(from::equals))) {
            return new Verdict(true, null);
        }
        return new Verdict(false, sender);
    }

    private static String originOf(String url) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || u.getRawAuthority() == null) {
                return url;
            }
            return u.getScheme() + "://" + u.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** scheme://host[:port] in lower case, without the scheme's default port; null when not an origin. */
    static String normalize(String origin) {
        try {
            URI u = URI.create(origin.trim());
            if (u.getScheme() == null || u.getHost() == null) {
                return null;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
