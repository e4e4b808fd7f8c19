package org.orderdesk.lock;

import org.orderdesk.IntegrationTest;

/** Answers to release requests on H2, the database of the embedded default and of the tests. */
@IntegrationTest
class H2ReleaseAnswersTest extends ReleaseAnswersContract {}
