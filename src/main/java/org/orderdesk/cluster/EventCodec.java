package org.orderdesk.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.orderdesk.event.NodeName;
import org.orderdesk.event.SharedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shared event as the payload of one notification: which node sent it, the event's class and
 * its values as JSON. Only classes that are {@link SharedEvent}s are ever instantiated from a
 * payload.
 */
final class EventCodec {

    /** PostgreSQL refuses payloads of 8,000 bytes; the events are a few hundred. */
    static final int MAX_PAYLOAD_BYTES = 7_000;

    private static final Logger log = LoggerFactory.getLogger(EventCodec.class);

    /** One received notification. */
    record Received(NodeName sender, SharedEvent event) {}

    private final JsonMapper json;

    EventCodec(JsonMapper json) {
        this.json = json;
    }

    /** The payload, or empty when the event is too large for a notification. */
    Optional<String> encode(NodeName sender, SharedEvent event) {
        String payload = json.writeValueAsString(
                new Envelope(sender.value(), event.getClass().getName(), json.valueToTree(event)));
        return payload.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES
                ? Optional.of(payload)
                : Optional.empty();
    }

    /** The event in {@code payload}, or empty (and logged) when it is not one this node knows. */
    Optional<Received> decode(String payload) {
        try {
            Envelope envelope = json.readValue(payload, Envelope.class);
            Class<?> type = Class.forName(envelope.type(), false, EventCodec.class.getClassLoader());
            if (!SharedEvent.class.isAssignableFrom(type)) {
                log.warn("Ignored a notification of {}, which is not a shared event", envelope.type());
                return Optional.empty();
            }
            SharedEvent event = (SharedEvent) json.treeToValue(envelope.event(), type);
            return Optional.of(new Received(new NodeName(envelope.node()), event));
        } catch (JacksonException | ClassNotFoundException | IllegalArgumentException e) {
            // A node of another version may send what this one cannot read; it must not stop the others.
            log.warn("Ignored a notification this node cannot read: {}", abbreviate(payload), e);
            return Optional.empty();
        }
    }

    private static String abbreviate(String payload) {
        return payload.length() <= 200 ? payload : payload.substring(0, 200) + "…";
    }

    /** What travels: the sending node, the event class and its values. */
    record Envelope(String node, String type, JsonNode event) {}
}
