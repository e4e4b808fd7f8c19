@NullMarked
package org.orderdesk;

import org.jspecify.annotations.NullMarked;
