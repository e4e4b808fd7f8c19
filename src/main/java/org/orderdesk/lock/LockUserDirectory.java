package org.orderdesk.lock;

import java.util.List;

/**
 * The people the Locks view deals with, as lock users: who is signed in (the supervisor acting),
 * and everyone whose locks the audit trail may show. Whoever keeps the user accounts answers.
 */
public interface LockUserDirectory {

    /**
     * The user signed in on the current request.
     *
     * @throws org.springframework.security.access.AccessDeniedException when nobody is signed in
     */
    LockUser signedIn();

    /** Every user, disabled ones too (they still appear in histories), by the name shown. */
    List<LockUser> everyone();
}
