package org.orderdesk.bench.cluster;

import org.orderdesk.bench.Distribution;

/**
 * One step of the climb: the rate asked for and reached, the cross-node latency (commit on the
 * publishing node to delivery on each other node), and where the CPU went meanwhile, each as
 * percent of one core over the publishing window.
 *
 * @param receiverCpu the busiest receiving node
 * @param listenerCpu the busiest receiving node's listening thread
 * @param queueUsage the highest fill of PostgreSQL's notification queue, percent
 */
record CeilingStep(
        double targetRate,
        double achievedRate,
        int failures,
        Distribution latency,
        int missing,
        double publisherCpu,
        double receiverCpu,
        double listenerCpu,
        double postgresCpu,
        double machineCpu,
        double queueUsage) {

    /** Whether the publisher made (nearly) the rate asked for. */
    boolean keptUp() {
        return achievedRate >= 0.9 * targetRate && failures == 0;
    }
}
