package org.orderdesk.lock;

import org.orderdesk.IntegrationTest;

/** An order's lock history on H2, the database of the embedded default and of the tests. */
@IntegrationTest
class H2LockHistoryTest extends LockHistoryContract {}
