package org.orderdesk.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    /** Everyone by the name shown, without their roles or password hashes. */
    @Query("select new org.orderdesk.security.Person(u.username, u.displayName) from AppUser u"
            + " order by u.displayName, u.username")
    List<Person> findAllPeople();
}
