package com.nexo.accounts.contacts;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContactRepository extends JpaRepository<Contact, UUID> {

    List<Contact> findByAccountIdOrderByPrimaryDescNameAsc(UUID accountId);

    int countByAccountId(UUID accountId);
}
