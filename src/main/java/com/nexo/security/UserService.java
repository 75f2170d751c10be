package com.nexo.security;

import com.nexo.tenancy.ActorType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The users of the current tenant. */
@Service
public class UserService {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;

    UserService(AppUserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    /** Creates a user of the current tenant with an initial password. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN') or hasRole('SYSTEM')")
    public UUID createUser(NewUser newUser) {
        AppUser user = new AppUser(
                newUser.email().strip(),
                newUser.displayName().strip(),
                newUser.actorType(),
                newUser.partyId(),
                newUser.tenantAdmin());
        user.changePasswordHash(passwordEncoder.encode(newUser.initialPassword()));
        user.chooseLocale(newUser.locale());
        return users.save(user).getId();
    }

    /** Remembers the language the logged-in user chose; used at every later login. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeMyLanguage(Locale locale) {
        UUID me = CurrentUser.get()
                .map(NexoUser::userId)
                .orElseThrow(() -> new IllegalStateException("No user is logged in"));
        String tag = Objects.requireNonNull(locale).getLanguage();
        // Row-level security lets a user update only its own row; a missing row would be a bug.
        users.findById(me).orElseThrow().chooseLocale(tag);
    }

    /** How many users of each actor type the tenant has, for the administrator's dashboard. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Map<ActorType, Long> countUsersByActorType() {
        Map<ActorType, Long> counts = new EnumMap<>(ActorType.class);
        for (ActorTypeCount row : users.countByActorType()) {
            counts.put(row.actorType(), row.users());
        }
        return counts;
    }

    /** A user to create; {@code partyId} is the account an external actor belongs to. */
    public record NewUser(
            String email,
            String displayName,
            ActorType actorType,
            UUID partyId,
            boolean tenantAdmin,
            String initialPassword,
            String locale) {}

    record ActorTypeCount(ActorType actorType, long users) {}
}
