package org.orderdesk.demo;

import java.util.List;
import java.util.Set;
import org.orderdesk.security.Role;

/** The demo accounts documented in README.md. */
final class DemoUsers {

    record DemoUser(String username, String displayName, String password, Set<Role> roles) {}

    static final List<DemoUser> ALL = List.of(
            new DemoUser("alice", "Alice", "alice", Set.of(Role.CLERK)),
            new DemoUser("bob", "Bob", "bob", Set.of(Role.CLERK)),
            new DemoUser("carol", "Carol", "carol", Set.of(Role.CLERK)),
            new DemoUser("sam", "Sam", "sam", Set.of(Role.CLERK, Role.SUPERVISOR)));

    private DemoUsers() {}
}
