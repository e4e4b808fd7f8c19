package org.orderdesk.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The orders of a run as stored, against the log of accepted saves: no update may be lost. Each
 * order's stored notes and version are its last accepted save's, and its version moved once per
 * accepted save and no more, so no save was lost, overwritten or made twice.
 */
final class StoredOrders {

    private final JdbcClient database;

    StoredOrders(JdbcClient database) {
        this.database = database;
    }

    /** The version of each order, by id. */
    Map<Long, Long> versions(Collection<Long> orderIds) {
        return orderIds.stream()
                .collect(Collectors.toMap(id -> id, id -> stored(id).version()));
    }

    /** Every way the stored orders differ from the accepted saves; empty when no update was lost. */
    List<String> lostUpdates(Map<Long, Long> initialVersions, List<AcceptedSave> saves) {
        Map<Long, List<AcceptedSave>> byOrder = saves.stream().collect(Collectors.groupingBy(AcceptedSave::orderId));
        List<String> lost = new ArrayList<>();
        initialVersions.forEach((orderId, initial) -> {
            Stored stored = stored(orderId);
            List<AcceptedSave> accepted = byOrder.getOrDefault(orderId, List.of());
            if (stored.version() - initial != accepted.size()) {
                lost.add("order " + orderId + ": version moved " + (stored.version() - initial) + " times for "
                        + accepted.size() + " accepted saves");
            }
            Set<Long> versions = new HashSet<>();
            accepted.stream()
                    .filter(save -> !versions.add(save.version()))
                    .forEach(
                            save -> lost.add("order " + orderId + ": two saves accepted as version " + save.version()));
            accepted.stream()
                    .max(Comparator.comparingLong(AcceptedSave::version))
                    .ifPresent(last -> {
                        if (last.version() != stored.version() || !last.notes().equals(stored.notes())) {
                            lost.add("order " + orderId + ": stored v" + stored.version() + " '" + stored.notes()
                                    + "', last accepted save v" + last.version() + " '" + last.notes() + "' by "
                                    + last.by());
                        }
                    });
        });
        return lost;
    }

    private Stored stored(long orderId) {
        return database.sql("select version, notes from orders where id = :id")
                .param("id", orderId)
                .query((row, n) -> new Stored(row.getLong("version"), Objects.toString(row.getString("notes"), "")))
                .single();
    }

    private record Stored(long version, String notes) {}
}
