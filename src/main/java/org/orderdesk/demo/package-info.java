@NullMarked
package org.orderdesk.demo;

import org.jspecify.annotations.NullMarked;
