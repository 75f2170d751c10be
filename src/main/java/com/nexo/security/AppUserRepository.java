package com.nexo.security;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, UUID> {

    @Query("select new com.nexo.security.UserService$ActorTypeCount(u.actorType, count(u))"
            + " from AppUser u group by u.actorType")
    List<UserService.ActorTypeCount> countByActorType();
}
