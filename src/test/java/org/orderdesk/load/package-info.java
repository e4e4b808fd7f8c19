/**
 * One load driver for the bounded load test and the soak: simulated clerks working through the
 * application's services, a few real Chromium pages, and the checks and figures at the end.
 */
@NullMarked
package org.orderdesk.load;

import org.jspecify.annotations.NullMarked;
