package org.orderdesk.order;

import org.orderdesk.IntegrationTest;

/** Saving fenced by the lock, on H2. */
@IntegrationTest
class H2OrderSaveFencingTest extends OrderSaveFencing {}
