package org.orderdesk.lock;

import org.orderdesk.IntegrationTest;

/** The lock API's contract on H2, the database of the embedded default and of the tests. */
@IntegrationTest
class H2LockServiceContractTest extends LockServiceContract {}
