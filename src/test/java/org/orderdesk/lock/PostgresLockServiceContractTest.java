package org.orderdesk.lock;

import org.orderdesk.PostgresTest;

/** The lock API's contract on PostgreSQL, the database of a cluster. */
@PostgresTest
class PostgresLockServiceContractTest extends LockServiceContract {}
