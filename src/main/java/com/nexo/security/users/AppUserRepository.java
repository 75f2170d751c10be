package com.nexo.security.users;

import com.nexo.security.UserService;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, UUID> {

    boolean existsByEmailIgnoreCase(String email);

    /** Enabled users of the current tenant holding the given role, other than {@code except}. */
    @Query(
            "select count(u) from AppUser u join u.roles r where r.code = :roleCode and u.enabled = true and u.id <> :except")
    long countOthersEnabledWithRole(String roleCode, UUID except);

    @Query("select new com.nexo.security.UserService$ActorTypeCount(u.actorType, count(u))"
            + " from AppUser u group by u.actorType")
    List<UserService.ActorTypeCount> countByActorType();
}
