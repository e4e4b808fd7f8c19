package org.orderdesk.lock;

import org.orderdesk.IntegrationTest;

/** Two lock engines on one H2 database. */
@IntegrationTest
class H2TwoNodesOneDatabaseTest extends TwoNodesOneDatabase {}
