package com.nexo.security.sessions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A short name for a browser from its User-Agent header: "Firefox 140 · Windows". */
final class BrowserName {

    private static final Pattern[] BROWSERS = {
        Pattern.compile("(Edg)/(\\d+)"),
        Pattern.compile("(OPR)/(\\d+)"),
        Pattern.compile("(Firefox)/(\\d+)"),
        Pattern.compile("(Chrome|Chromium)/(\\d+)"),
        Pattern.compile("Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?(Safari)/"),
    };

    private BrowserName() {}

    static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "?";
        }
        String browser = browser(userAgent);
        String system = system(userAgent);
        if (browser == null) {
            String shortened = userAgent.strip();
            return shortened.length() > 60 ? shortened.substring(0, 60) + "…" : shortened;
        }
        return system == null ? browser : browser + " · " + system;
    }

    private static String browser(String agent) {
        for (Pattern pattern : BROWSERS) {
            Matcher matcher = pattern.matcher(agent);
            if (matcher.find()) {
                if (pattern == BROWSERS[4]) {
                    return "Safari " + matcher.group(1);
                }
                String name = switch (matcher.group(1)) {
                    case "Edg" -> "Edge";
                    case "OPR" -> "Opera";
                    default -> matcher.group(1);
                };
                return name + " " + matcher.group(2);
            }
        }
        return null;
    }

    private static String system(String agent) {
        if (agent.contains("Windows")) {
            return "Windows";
        }
        if (agent.contains("Android")) {
            return "Android";
        }
        if (agent.contains("iPhone") || agent.contains("iPad")) {
            return "iOS";
        }
        if (agent.contains("Mac OS X")) {
            return "macOS";
        }
        if (agent.contains("CrOS")) {
            return "ChromeOS";
        }
        if (agent.contains("Linux")) {
            return "Linux";
        }
        return null;
    }
}
