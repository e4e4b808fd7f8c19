package org.orderdesk.order.ui;

import com.vaadin.flow.component.grid.Grid;

/**
 * Opens a grid's context menu on the focused row with Shift+F10 or the Menu key, as on the
 * desktop, so that a clerk without a mouse reaches every row action; the menu's items are then
 * chosen with the arrow keys and Enter, and Escape closes it. The script opens the menu at the
 * focused cell itself instead of leaving it to the browser, which does so only in some browsers
 * and then at a spot of its choosing.
 */
final class KeyboardContextMenu {

    private static final String SCRIPT = """
            if (!this.__menuByKeyboard) {
                this.__menuByKeyboard = true;
                this.addEventListener('keydown', (event) => {
                    const onlyShift = event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey;
                    const menuKey = event.key === 'ContextMenu' || (event.key === 'F10' && onlyShift);
                    const cell = (this.shadowRoot && this.shadowRoot.activeElement) || event.composedPath()[0];
                    if (!menuKey || !cell || !cell.getBoundingClientRect) {
                        return;
                    }
                    event.preventDefault();
                    event.stopPropagation();
                    const box = cell.getBoundingClientRect();
                    cell.dispatchEvent(new MouseEvent('contextmenu', {
                        bubbles: true, composed: true, cancelable: true,
                        clientX: box.left + Math.min(box.width / 2, 40), clientY: box.bottom
                    }));
                });
            }
            """;

    private KeyboardContextMenu() {}

    static void enable(Grid<?> grid) {
        grid.getElement().executeJs(SCRIPT);
    }
}
