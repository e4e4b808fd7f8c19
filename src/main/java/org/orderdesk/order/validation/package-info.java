@NullMarked
package org.orderdesk.order.validation;

import org.jspecify.annotations.NullMarked;
