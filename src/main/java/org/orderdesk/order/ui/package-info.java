@NullMarked
package org.orderdesk.order.ui;

import org.jspecify.annotations.NullMarked;
