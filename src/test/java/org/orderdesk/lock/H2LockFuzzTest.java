package org.orderdesk.lock;

import org.orderdesk.IntegrationTest;

/** The fuzz test of mutual exclusion on H2. */
@IntegrationTest
class H2LockFuzzTest extends LockFuzz {}
