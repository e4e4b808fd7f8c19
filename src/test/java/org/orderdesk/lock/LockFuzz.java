package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.orderdesk.TestClock;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.springframework.data.domain.PageRequest;

/**
 * In the spirit of ShedLock's fuzz test: many clerks take turns on one order as fast as they can;
 * each increments a plain, unsynchronised counter while it holds the lock. If two ever held it at
 * once, increments would be lost, and the audit would show overlapping holds. A second run puts
 * the waiting line in play: clerks join it, leave it, get reservations, use them or let them
 * lapse while the clock jumps; the audit, read in the order the steps committed, must show one
 * holder at a time, only the reserved clerk acquiring during a reservation, and ever greater
 * fencing tokens. Each database the engine supports runs it through a subclass that only says
 * which database.
 */
abstract class LockFuzz extends LockEngineTest {

    private static final int THREADS = 16;
    private static final int CYCLES = 500;
    private static final ResourceId ORDER = ResourceId.order(4242);

    /** Deliberately not atomic or volatile: only the lock protects it. */
    private int counter;

    @Test
    void sixteenClerksTakingTurnsNeverHoldTheOrderAtOnce() throws Exception {
        // Every reading of this clock is one microsecond later than the last: holds get distinct times.
        LockService locks = new LockNodes(context)
                .start(TestClock.ticking(clock.instant(), Duration.ofNanos(1000)))
                .locks();
        Race.run(THREADS, i -> {
            LockHolder clerk = new LockHolder("clerk" + i, "Clerk " + i, "tab-" + i);
            return () -> {
                for (int cycle = 0; cycle < CYCLES; cycle++) {
                    Acquired held = acquireWhenFree(locks, clerk);
                    int seen = counter;
                    Thread.yield();
                    counter = seen + 1;
                    assertThat(locks.release(ORDER, clerk.holderKey(), held.token()))
                            .isTrue();
                }
                return null;
            };
        });

        assertThat(counter).isEqualTo(THREADS * CYCLES);
        List<Hold> holds = holdsFromAudit();
        assertThat(holds).hasSize(THREADS * CYCLES);
        for (int i = 1; i < holds.size(); i++) {
            assertThat(holds.get(i).from())
                    .as("hold %s starts after hold %s ended", holds.get(i), holds.get(i - 1))
                    .isAfter(holds.get(i - 1).until());
        }
    }

    /** Long leases, so that the jumps of the clock lapse reservations but never a hold. */
    private static final LockProperties FUZZ_SETTINGS = new LockProperties(
            Duration.ofHours(6),
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            Duration.ofSeconds(60),
            Duration.ofSeconds(5),
            false,
            Duration.ofSeconds(60),
            Duration.ofMinutes(5),
            Duration.ofSeconds(10));

    private static final int LINE_CYCLES = 150;

    @Test
    void sixteenClerksInLineWithReservationsLapsingNeverHoldTheOrderAtOnceNorOutOfTurn() throws Exception {
        TestClock ticking = TestClock.ticking(clock.instant(), Duration.ofNanos(1000));
        LockNodes.Node node = new LockNodes(context).start(ticking, FUZZ_SETTINGS);
        AtomicInteger jumps = new AtomicInteger();
        AtomicInteger refusedForReservation = new AtomicInteger();
        Race.run(THREADS, i -> {
            LockHolder clerk = new LockHolder("clerk" + i, "Clerk " + i, "tab-" + i);
            Random random = new Random(i);
            return () -> {
                for (int cycle = 0; cycle < LINE_CYCLES; cycle++) {
                    Acquired held = acquireInTurn(node, clerk, random, refusedForReservation);
                    int seen = counter;
                    Thread.yield();
                    counter = seen + 1;
                    assertThat(node.locks().release(ORDER, clerk.holderKey(), held.token()))
                            .isTrue();
                    // Now and then a reservation nobody used yet lapses: the clock jumps past it.
                    if (random.nextInt(12) == 0) {
                        ticking.advance(FUZZ_SETTINGS.reservation().plusSeconds(1));
                        jumps.incrementAndGet();
                        node.sweeper().sweep();
                    }
                }
                return null;
            };
        });

        assertThat(counter).isEqualTo(THREADS * LINE_CYCLES);
        assertThat(jumps.get()).as("the clock jumped").isPositive();
        assertThat(refusedForReservation.get())
                .as("reservations turned clerks away")
                .isPositive();
        List<String> actions =
                auditInCommitOrder().stream().map(AuditRow::action).toList();
        assertThat(actions).contains("RESERVED", "RESERVATION_DECLINED", "RESERVATION_LAPSED");
        assertOneHolderAtATimeInTurnWithIncreasingTokens(auditInCommitOrder());
    }

    /**
     * Acquires as a clerk would: when refused, joins the line (and sometimes leaves it again, or
     * declines a reservation) and tries again.
     */
    private static Acquired acquireInTurn(
            LockNodes.Node node, LockHolder clerk, Random random, AtomicInteger refusedForReservation) {
        while (true) {
            AcquireOutcome outcome = node.locks().acquire(ORDER, clerk);
            if (outcome instanceof Acquired acquired) {
                return acquired;
            }
            if (outcome instanceof AcquireOutcome.Reserved reserved) {
                assertThat(reserved.user()).isNotEqualTo(clerk.user());
                refusedForReservation.incrementAndGet();
            }
            if (random.nextInt(20) == 0) {
                node.lines().leave(ORDER, clerk.user());
            } else {
                node.lines().join(ORDER, clerk.user(), "session-" + clerk.holderKey());
            }
            Thread.yield();
        }
    }

    private record AuditRow(long id, String action, long token, String holder) {}

    private List<AuditRow> auditInCommitOrder() {
        // Every step on the order locks its turn row first, so audit ids follow the order of commits.
        return jdbc.sql("select id, action, token, holder_username from lock_audit"
                        + " where resource_type = 'ORDER' and resource_id = :id order by id")
                .param("id", ORDER.id())
                .query((rs, row) -> new AuditRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .list();
    }

    private static void assertOneHolderAtATimeInTurnWithIncreasingTokens(List<AuditRow> audit) {
        Long holding = null;
        String reservedFor = null;
        long lastNumber = 0;
        int holds = 0;
        for (AuditRow row : audit) {
            switch (row.action()) {
                case "ACQUIRED" -> {
                    assertThat(holding)
                            .as("%s while token %s holds", row, holding)
                            .isNull();
                    if (reservedFor != null) {
                        assertThat(row.holder())
                                .as("%s during %s's reservation", row, reservedFor)
                                .isEqualTo(reservedFor);
                        reservedFor = null;
                    }
                    assertThat(row.token()).as("%s after %s", row, lastNumber).isGreaterThan(lastNumber);
                    lastNumber = row.token();
                    holding = row.token();
                    holds++;
                }
                case "RELEASED" -> {
                    assertThat(row.token()).as("%s releases the hold", row).isEqualTo(holding);
                    holding = null;
                }
                case "RESERVED" -> {
                    assertThat(holding)
                            .as("%s while token %s holds", row, holding)
                            .isNull();
                    assertThat(reservedFor)
                            .as("%s while reserved for %s", row, reservedFor)
                            .isNull();
                    assertThat(row.token()).as("%s after %s", row, lastNumber).isGreaterThan(lastNumber);
                    lastNumber = row.token();
                    reservedFor = row.holder();
                }
                case "RESERVATION_DECLINED", "RESERVATION_LAPSED" -> {
                    assertThat(row.holder()).as("%s ends the reservation", row).isEqualTo(reservedFor);
                    reservedFor = null;
                }
                default -> throw new AssertionError("Unexpected " + row);
            }
        }
        assertThat(holds).isEqualTo(THREADS * LINE_CYCLES);
    }

    @Test
    void duringAReservationOnlyTheReservedClerkAcquiresWhoeverRacesForIt() throws Exception {
        LockHolder alice = new LockHolder("alice", "Alice", "alices-tab");
        Acquired alices = (Acquired) locks.acquire(ORDER, alice);
        lines.join(ORDER, new LockUser("bob", "Bob"), "bobs-session");
        locks.release(ORDER, alice.holderKey(), alices.token());

        // Threads 0 to 3 are tabs of Bob's; the others, twelve other clerks.
        List<AcquireOutcome> outcomes = Race.run(THREADS, i -> {
            LockHolder clerk = i < 4
                    ? new LockHolder("bob", "Bob", "bobs-tab-" + i)
                    : new LockHolder("clerk" + i, "Clerk " + i, "tab-" + i);
            return () -> {
                AcquireOutcome last = null;
                for (int attempt = 0; attempt < 50; attempt++) {
                    last = locks.acquire(ORDER, clerk);
                    if (last instanceof Acquired) {
                        return last;
                    }
                }
                return last;
            };
        });

        assertThat(outcomes).filteredOn(Acquired.class::isInstance).hasSize(1);
        assertThat(locks.find(ORDER).orElseThrow().holder().username()).isEqualTo("bob");
        assertThat(outcomes.subList(4, THREADS))
                .allSatisfy(outcome -> assertThat(outcome)
                        .isInstanceOfAny(AcquireOutcome.Reserved.class, AcquireOutcome.HeldByOther.class));
        assertThat(jdbc.sql("select count(*) from lock_audit where action = 'ACQUIRED' and resource_id = :id")
                        .param("id", ORDER.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private static Acquired acquireWhenFree(LockService locks, LockHolder clerk) {
        while (true) {
            if (locks.acquire(ORDER, clerk) instanceof Acquired acquired) {
                return acquired;
            }
            Thread.yield();
        }
    }

    private record Hold(long token, Instant from, Instant until) {}

    private List<Hold> holdsFromAudit() {
        List<LockAuditEntry> entries = auditPage(new AuditFilter(ORDER, null), PageRequest.of(0, 4 * THREADS * CYCLES))
                .getContent();
        Map<Long, Instant> acquiredAt = new HashMap<>();
        List<Hold> holds = new ArrayList<>();
        for (LockAuditEntry entry : entries.reversed()) {
            switch (entry.action()) {
                case ACQUIRED -> acquiredAt.put(entry.token(), entry.at());
                case RELEASED -> holds.add(new Hold(entry.token(), acquiredAt.get(entry.token()), entry.at()));
                default -> throw new AssertionError("Unexpected " + entry);
            }
        }
        holds.sort(Comparator.comparing(Hold::from));
        return holds;
    }
}
