package org.orderdesk.order.validation;

import java.util.Optional;

/**
 * A short, optional, one-line message one clerk sends another, such as the answer to a request to
 * release an order: cleaned by the rule of {@link PlainText}, at most {@code max} characters, no
 * line breaks. Nothing readable is no message.
 */
public final class ShortMessage {

    private ShortMessage() {}

    /**
     * The message as sent, or empty when nothing readable was typed.
     *
     * @throws IllegalArgumentException saying what is wrong, in words for the clerk who typed it
     */
    public static Optional<String> of(String typed, int max) {
        String cleaned = PlainText.clean(typed);
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        if (cleaned.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The message must be a single line without control characters");
        }
        if (cleaned.length() > max) {
            throw new IllegalArgumentException("The message is limited to " + max + " characters");
        }
        return Optional.of(cleaned);
    }
}
