package org.orderdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderdesk.event.NodeName;
import org.orderdesk.event.SharedEvent;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockTakeOvers;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ReleaseAnswer;
import org.orderdesk.lock.ReleaseRequests;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.OrderSaved;
import tools.jackson.databind.json.JsonMapper;

/** Every shared event crosses to another node unchanged, and well inside a notification's limit. */
class EventCodecTest {

    private static final NodeName NODE_A = new NodeName("node-a");
    private static final Instant AT = Instant.parse("2026-11-30T10:15:30.123456Z");
    private static final ResourceId ORDER = ResourceId.order(42);
    private static final LockHolder ALICE = new LockHolder("alice", "Alice", "alices-tab");
    private static final LockHolder SAM = new LockHolder("sam", "Sam", "sams-tab");
    private static final LockUser BOB = new LockUser("bob", "Bob");

    private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

    @Test
    void everyKindOfSharedEventArrivesEqualWithItsSender() {
        List<SharedEvent> events = List.of(
                new LockEvent.Acquired(ORDER, ALICE, 7, AT.plusSeconds(120), AT),
                new LockEvent.Renewed(ORDER, ALICE, 7, AT.plusSeconds(150), AT),
                new LockEvent.Released(ORDER, ALICE, 7, AT),
                new LockEvent.Expiring(ORDER, ALICE, 7, AT.plusSeconds(60), AT),
                new LockEvent.Expired(ORDER, ALICE, 7, AT, AT),
                new LockEvent.TakenOver(ORDER, ALICE, 7, SAM, 8, AT.plusSeconds(120), "Customer on the phone", AT),
                new LockEvent.TakenOver(ORDER, ALICE, 7, ALICE, 8, AT.plusSeconds(120), null, AT),
                new LockEvent.Broken(ORDER, ALICE, 7, SAM.user(), "Alice went home", AT),
                new LockEvent.ReleaseRequested(ORDER, ALICE, 7, new LockUser("bob", "Bob"), AT),
                new LockEvent.ReleaseAnswered(
                        ORDER,
                        ALICE,
                        7,
                        new LockUser("bob", "Bob"),
                        ReleaseAnswer.MORE_TIME,
                        Duration.ofMinutes(5),
                        null,
                        AT),
                new LockEvent.ReleaseAnswered(
                        ORDER,
                        ALICE,
                        7,
                        new LockUser("bob", "Bob"),
                        ReleaseAnswer.NOT_NOW,
                        null,
                        "finishing the invoice",
                        AT),
                new LockEvent.ReleaseReminder(ORDER, ALICE, 7, new LockUser("bob", "Bob"), AT),
                new LockEvent.Reserved(ORDER, BOB, 9, AT.plusSeconds(30), AT),
                new LockEvent.ReservationEnded(ORDER, BOB, 9, LockEvent.Ending.USED, BOB, AT),
                new LockEvent.ReservationEnded(ORDER, BOB, 9, LockEvent.Ending.LAPSED, null, AT),
                new LockEvent.ReservationEnded(ORDER, BOB, 9, LockEvent.Ending.VOIDED, SAM.user(), AT),
                new LockEvent.JoinedLine(ORDER, BOB, AT),
                new LockEvent.LeftLine(ORDER, BOB, AT),
                new OrderSaved(42, "OD-000042", 3, "Alice", AT),
                new EventsMissed());

        for (SharedEvent event : events) {
            String payload = codec.encode(NODE_A, event).orElseThrow();

            assertThat(codec.decode(payload)).contains(new EventCodec.Received(NODE_A, event));
        }
    }

    @Test
    void theLargestEventTheAppCanMakeStaysFarBelowPostgresLimit() {
        // Control characters cost six bytes each in JSON: the worst case for every bounded text.
        String name = "\u0001".repeat(100);
        LockHolder longest =
                new LockHolder(new LockUser("u".repeat(50), name), "k".repeat(LockHolder.HOLDER_KEY_MAX_LENGTH));
        var takeOver = new LockEvent.TakenOver(
                ORDER,
                longest,
                Long.MAX_VALUE,
                longest,
                Long.MAX_VALUE,
                AT,
                "\u0001".repeat(LockTakeOvers.REASON_MAX_LENGTH),
                AT);

        var answer = new LockEvent.ReleaseAnswered(
                ORDER,
                longest,
                Long.MAX_VALUE,
                longest.user(),
                ReleaseAnswer.NOT_NOW,
                null,
                "\u0001".repeat(ReleaseRequests.MESSAGE_MAX_LENGTH),
                AT);

        for (SharedEvent largest : List.<SharedEvent>of(takeOver, answer)) {
            String payload = codec.encode(new NodeName("n".repeat(60)), largest).orElseThrow();
            assertThat(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThan(EventCodec.MAX_PAYLOAD_BYTES)
                    .isLessThan(8_000);
        }
    }

    @Test
    void aPayloadNamingAClassThatIsNoSharedEventIsIgnored() {
        String payload = "{\"node\":\"node-b\",\"type\":\"java.lang.ProcessBuilder\",\"event\":{\"command\":[\"sh\"]}}";

        assertThat(codec.decode(payload)).isEmpty();
        assertThat(codec.decode("{\"node\":\"node-b\",\"type\":\"org.orderdesk.NoSuchEvent\",\"event\":{}}"))
                .isEmpty();
        assertThat(codec.decode("not json")).isEmpty();
    }
}
