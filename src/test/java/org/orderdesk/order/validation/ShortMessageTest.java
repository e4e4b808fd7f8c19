package org.orderdesk.order.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A short message between clerks: cleaned like every typed text, one line, bounded. */
class ShortMessageTest {

    @Test
    void aMessageIsCleanedOfDirectionControlsAndBlankEnds() {
        assertThat(ShortMessage.of("\u00A0 finishing the \u202Einvoice\u202C ", 200))
                .contains("finishing the invoice");
    }

    @Test
    void nothingReadableIsNoMessage() {
        assertThat(ShortMessage.of("", 200)).isEmpty();
        assertThat(ShortMessage.of(" \u200B\u00A0", 200)).isEmpty();
    }

    @Test
    void aMessageOverTheLimitIsRefusedSayingTheLimit() {
        assertThat(ShortMessage.of("x".repeat(200), 200)).isPresent();
        assertThatThrownBy(() -> ShortMessage.of("x".repeat(201), 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The message is limited to 200 characters");
    }

    @Test
    void aLineBreakOrControlCharacterInsideIsRefused() {
        assertThatThrownBy(() -> ShortMessage.of("first line\nsecond line", 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The message must be a single line without control characters");
        assertThatThrownBy(() -> ShortMessage.of("be\u0007ll", 200)).isInstanceOf(IllegalArgumentException.class);
    }
}
