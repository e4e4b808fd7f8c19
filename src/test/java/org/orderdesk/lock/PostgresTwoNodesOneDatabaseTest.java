package org.orderdesk.lock;

import org.orderdesk.PostgresTest;

/** Two lock engines on one PostgreSQL database, as two nodes of a cluster. */
@PostgresTest
class PostgresTwoNodesOneDatabaseTest extends TwoNodesOneDatabase {}
