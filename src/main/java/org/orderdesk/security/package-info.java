@NullMarked
package org.orderdesk.security;

import org.jspecify.annotations.NullMarked;
