@NullMarked
package org.orderdesk.security.ui;

import org.jspecify.annotations.NullMarked;
