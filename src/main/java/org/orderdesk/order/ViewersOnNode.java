package org.orderdesk.order;

import java.util.List;
import org.orderdesk.event.NodeName;
import org.orderdesk.event.SharedEvent;
import org.orderdesk.lock.LockUser;

/**
 * Everyone looking at an order on one node, each user once, as that node announces it whenever
 * its viewers of the order change and whenever another node asks. It replaces what the node said
 * about the order before; an empty list means nobody there looks any more.
 */
public record ViewersOnNode(NodeName node, long orderId, List<LockUser> viewers) implements SharedEvent {

    public ViewersOnNode {
        viewers = List.copyOf(viewers);
    }
}
