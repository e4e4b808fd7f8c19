package org.orderdesk.order.validation;

/**
 * The one rule for text that clerks type and other clerks read. Bidirectional controls (U+202E and
 * its kin) are removed, because they make a screen show other text than the one stored; what is
 * left is trimmed of whitespace and invisible characters at either end. A required text is one
 * that has something left after that: a customer made of U+200B or U+00A0 alone is none.
 */
public final class PlainText {

    private PlainText() {}

    /** {@code text} without bidirectional controls and without blank or invisible characters at its ends. */
    public static String clean(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(codePoint -> !isBidiControl(codePoint)).forEach(kept::appendCodePoint);
        int start = 0;
        int end = kept.length();
        while (start < end && isBlank(kept.codePointAt(start))) {
            start += Character.charCount(kept.codePointAt(start));
        }
        while (end > start && isBlank(kept.codePointBefore(end))) {
            end -= Character.charCount(kept.codePointBefore(end));
        }
        return kept.substring(start, end);
    }

    /** Whether nothing readable is left once the text is {@linkplain #clean cleaned}. */
    public static boolean isBlank(String text) {
        return clean(text).isEmpty();
    }

    /** Explicit embeddings, overrides and isolates, and the implicit direction marks. */
    static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C
                || codePoint == 0x200E
                || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /**
     * Whitespace of any kind (U+00A0 included), control and format characters (zero-width space and
     * joiners, word joiner, byte order mark, soft hyphen), and the letters that render as nothing.
     */
    private static boolean isBlank(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint)
                || Character.getType(codePoint) == Character.FORMAT
                || codePoint == 0x034F // combining grapheme joiner
                || codePoint == 0x115F
                || codePoint == 0x1160
                || codePoint == 0x3164
                || codePoint == 0xFFA0 // Hangul fillers
                || codePoint == 0x2800; // blank Braille pattern
    }
}
