package org.orderdesk.ui;

import com.vaadin.flow.component.Component;

/**
 * What a feature shows in the navigation bar around every view, such as alerts. Declared as a
 * prototype bean, so that each layout gets its own.
 */
public interface NavbarItem {

    Component asComponent();
}
