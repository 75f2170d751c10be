package com.nexo.accounts;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContactRepository extends JpaRepository<Contact, UUID> {

    List<Contact> findByAccountIdOrderByPrimaryDescNameAsc(UUID accountId);

    int countByAccountId(UUID accountId);
}
