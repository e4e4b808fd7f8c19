package org.orderdesk.lock.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.orderdesk.security.Role;

/** Supervisors' view of live edit locks. A placeholder until the lock engine exists. */
@Route("locks")
@PageTitle("Locks · Order Desk")
@RolesAllowed(Role.SUPERVISOR_ROLE)
public class LocksView extends VerticalLayout {

    public LocksView() {
        add(new H2("Locks"), new Paragraph("Live edit locks and the lock audit trail will be shown here."));
    }
}
