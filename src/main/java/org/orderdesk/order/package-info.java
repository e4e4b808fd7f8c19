@NullMarked
package org.orderdesk.order;

import org.jspecify.annotations.NullMarked;
