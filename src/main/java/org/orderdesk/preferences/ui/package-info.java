/** A Vaadin grid kept as the clerk arranged it, from {@link org.orderdesk.preferences.GridPreferences}. */
@NullMarked
package org.orderdesk.preferences.ui;

import org.jspecify.annotations.NullMarked;
