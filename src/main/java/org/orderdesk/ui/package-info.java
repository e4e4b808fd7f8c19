@NullMarked
package org.orderdesk.ui;

import org.jspecify.annotations.NullMarked;
