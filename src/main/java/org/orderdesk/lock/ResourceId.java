package org.orderdesk.lock;

import java.util.Locale;

/** What a lock protects: a type and an id, such as order 42. */
public record ResourceId(String type, long id) {

    public static final String ORDER = "ORDER";

    public ResourceId {
        if (type.isBlank() || type.length() > 30) {
            throw new IllegalArgumentException("Resource type must be 1 to 30 characters: '" + type + "'");
        }
    }

    public static ResourceId order(long orderId) {
        return new ResourceId(ORDER, orderId);
    }

    @Override
    public String toString() {
        return type.toLowerCase(Locale.ROOT) + " " + id;
    }
}
