package org.orderdesk.lock;

import org.orderdesk.PostgresTest;

/** Answers to release requests on PostgreSQL, the database of a cluster. */
@PostgresTest
class PostgresReleaseAnswersTest extends ReleaseAnswersContract {}
