package org.orderdesk.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the waiting lines in the database know of the HTTP session a clerk asked from: a SHA-256
 * of its id, never the id itself, so that reading the lock tables gives nobody a live session.
 * The same session always gives the same key, which is all its end needs to find its places.
 */
final class WaiterKeys {

    private WaiterKeys() {}

    /** 64 hex digits, the most a waiter key may have. */
    static String of(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
