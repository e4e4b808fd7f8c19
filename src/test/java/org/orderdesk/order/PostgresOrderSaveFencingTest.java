package org.orderdesk.order;

import org.orderdesk.PostgresTest;

/** Saving fenced by the lock, on PostgreSQL. */
@PostgresTest
class PostgresOrderSaveFencingTest extends OrderSaveFencing {}
