@NullMarked
package org.orderdesk.lock.ui;

import org.jspecify.annotations.NullMarked;
