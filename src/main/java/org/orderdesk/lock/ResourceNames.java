package org.orderdesk.lock;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The names people know locked resources by ("OD-000042"), and the way back from a typed name.
 * The lock engine knows resources only as type and id; whoever owns a resource type names it.
 */
public interface ResourceNames {

    /** The names of those {@code resources} that still exist, in one look-up however many they are. */
    Map<ResourceId, String> namesOf(Collection<ResourceId> resources);

    /** The resource a person typed the name of ("OD-000042", "od-42", "42"), if there is one. */
    Optional<ResourceId> find(String typedName);
}
