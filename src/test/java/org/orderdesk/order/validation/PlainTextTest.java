package org.orderdesk.order.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "\t\n",
                "\u200B",
                "\u00A0\u00A0",
                "\u200B \u00A0",
                "\uFEFF",
                "\u2060",
                "\u3164",
                "\u202E",
                "\u2066\u2069",
                "\u00AD",
                "\u200D\u200C"
            })
    void textWithNothingReadableIsBlank(String text) {
        assertThat(PlainText.isBlank(text)).isTrue();
        assertThat(PlainText.clean(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Acme|Acme",
                "\u00A0 Acme\u200B |Acme",
                "\u202Esrotcart\u202C|srotcart",
                "Nord\u200Fwind|Nordwind",
                "\u2067שלום\u2069|שלום",
                "a\u00A0b|a\u00A0b",
                "\uD83D\uDC69\u200D\uD83D\uDCBB|\uD83D\uDC69\u200D\uD83D\uDCBB"
            })
    void cleaningDropsDirectionControlsAndBlankEndsOnly(String typed, String stored) {
        assertThat(PlainText.clean(typed)).isEqualTo(stored);
        assertThat(PlainText.isBlank(typed)).isFalse();
    }
}
