/** Live events handed from the services to whoever subscribed (the views, later other nodes). */
@NullMarked
package org.orderdesk.event;

import org.jspecify.annotations.NullMarked;
