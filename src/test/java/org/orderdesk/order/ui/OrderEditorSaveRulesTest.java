package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.orderdesk.order.Order;

/**
 * The editor and the server apply one set of rules: a value the form accepts is saved as the form
 * showed it, a value the server refuses is marked on its field, and invisible or direction-control
 * text never becomes a customer or a product.
 */
class OrderEditorSaveRulesTest extends EditorTest {

    @Test
    void aUnitPriceWithTrailingZerosIsSavedNotSilentlyRefused() {
        edit(211);
        unitPrice(1).setValue(new BigDecimal("12.500"));

        click("Save");

        assertThat(unitPrice(1).isInvalid()).isFalse();
        assertThat(lastNotice()).isEqualTo("Saved order " + stored(211).getOrderNumber());
        assertThat(stored(211).getLines().getFirst().getUnitPrice()).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void invisibleTextIsNoCustomerAndNoProduct() {
        edit(212);
        long version = stored(212).getVersion();

        test(field("Customer")).setValue("\u200B\u200B");
        test(product(1)).setValue("\u00A0\u00A0");
        click("Save");

        assertThat(field("Customer").getErrorMessage()).isEqualTo("Customer is required");
        assertThat(product(1).getErrorMessage()).isEqualTo("Product is required");
        assertThat(lastNotice()).isEqualTo("Fix the marked fields, then save again");
        assertThat(stored(212).getVersion()).isEqualTo(version);
    }

    @Test
    void directionControlsAreStrippedSoTheGridShowsWhatIsStored() {
        edit(213);

        test(field("Customer")).setValue("\u202Esrotcart dnawdroN\u202C");
        test(product(1)).setValue("\u2066Brass hinge\u2069 ");
        click("Save");

        Order saved = stored(213);
        assertThat(saved.getCustomer()).isEqualTo("srotcart dnawdroN");
        assertThat(saved.getLines().getFirst().getProduct()).isEqualTo("Brass hinge");
    }

    @Test
    void aValueTheServerRefusesIsMarkedOnItsFieldAndKept() {
        OrderEditorView editor = edit(214);
        long version = stored(214).getVersion();
        // Past the form's own check, as a stale or forged client would send it.
        editor.form().draft().getLines().get(1).setUnitPrice(new BigDecimal("1.005"));

        click("Save");

        assertThat(unitPrice(2).isInvalid()).isTrue();
        assertThat(unitPrice(2).getErrorMessage()).isEqualTo("Unit price has at most two decimals");
        assertThat(lastNotice())
                .isEqualTo("Could not save: Unit price has at most two decimals (line 2)."
                        + " Fix the marked fields, then save again");
        assertThat(editor.form().draft().getLines().get(1).getUnitPrice()).isEqualTo(new BigDecimal("1.005"));
        assertThat(stored(214).getVersion()).isEqualTo(version);
        assertThat(getCurrentView()).isSameAs(editor);
    }
}
