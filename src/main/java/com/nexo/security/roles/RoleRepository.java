package com.nexo.security.roles;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface RoleRepository extends JpaRepository<Role, UUID> {

    Optional<Role> findByCode(String code);

    boolean existsByCode(String code);

    @Query("select r from Role r left join fetch r.permissions order by r.predefined desc, r.name")
    List<Role> findAllWithPermissions();

    @Query(value = "SELECT role_id, count(*) FROM user_role GROUP BY role_id", nativeQuery = true)
    List<Object[]> countUsersPerRole();

    /** Makes every node re-read the access of the role's users on their next request. */
    @Modifying
    @Query(
            value = "UPDATE app_user SET access_version = access_version + 1"
                    + " WHERE id IN (SELECT user_id FROM user_role WHERE role_id = :roleId)",
            nativeQuery = true)
    int touchUsersOfRole(UUID roleId);
}
