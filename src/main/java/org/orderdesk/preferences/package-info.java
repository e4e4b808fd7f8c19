/**
 * What each clerk chose for themselves, kept in the database so that it follows them to any
 * browser and node: how they arranged a grid ({@link org.orderdesk.preferences.GridLayout}: column
 * order, widths, hidden columns, the sort) and whether its preview pane is shown. No Vaadin here;
 * {@code preferences.ui} applies a layout to a Vaadin grid and saves its changes.
 */
@NullMarked
package org.orderdesk.preferences;

import org.jspecify.annotations.NullMarked;
