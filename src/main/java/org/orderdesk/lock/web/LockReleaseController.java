package org.orderdesk.lock.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.orderdesk.lock.ResourceId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a closing or reloading tab sends its beacon. Spring Security requires the signed-in
 * session and its CSRF token (sent as a form field, since a beacon cannot set headers); the lock
 * is released only when that session holds it under the holder key and token sent.
 */
@RestController
public class LockReleaseController {

    public static final String PATH = "/api/lock-release";

    private final SessionLocks sessionLocks;

    LockReleaseController(SessionLocks sessionLocks) {
        this.sessionLocks = sessionLocks;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> release(
            @RequestParam String resourceType,
            @RequestParam long resourceId,
            @RequestParam String holderKey,
            @RequestParam long token,
            HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return ResponseEntity.notFound().build();
        }
        var lock = new SessionLocks.HeldLock(new ResourceId(resourceType, resourceId), holderKey, token);
        return sessionLocks.release(session.getId(), lock)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    /** A malformed resource type or holder key: nothing to release. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Void> malformed() {
        return ResponseEntity.badRequest().build();
    }
}
