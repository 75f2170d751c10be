package com.nexo.portal.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The invitation link's token: the tenant it names, its secret part, and what is stored of it. */
class InvitationTokenTest {

    private static final UUID TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");

    @Test
    void a_new_token_reads_back_as_its_tenant_and_is_url_safe() {
        InvitationToken token = InvitationToken.create(TENANT);

        assertThat(token.text()).hasSize(65).matches("[A-Za-z0-9_-]+");
        assertThat(InvitationToken.parse(token.text())).contains(token);
    }

    @Test
    void two_tokens_of_one_tenant_differ_and_only_a_32_byte_hash_is_kept() {
        InvitationToken first = InvitationToken.create(TENANT);
        InvitationToken second = InvitationToken.create(TENANT);

        assertThat(first.text()).isNotEqualTo(second.text());
        assertThat(first.text()).startsWith(second.text().substring(0, 22));
        assertThat(first.hash()).hasSize(32).isNotEqualTo(second.hash());
        assertThat(first.hash())
                .isEqualTo(InvitationToken.parse(first.text()).orElseThrow().hash());
    }

    @Test
    void text_that_cannot_be_a_token_is_none() {
        String valid = InvitationToken.create(TENANT).text();

        assertThat(InvitationToken.parse(null)).isEmpty();
        assertThat(InvitationToken.parse("")).isEmpty();
        assertThat(InvitationToken.parse(valid.substring(1))).isEmpty();
        assertThat(InvitationToken.parse(valid + "A")).isEmpty();
        assertThat(InvitationToken.parse(valid.substring(0, 64) + "/")).isEmpty();
        assertThat(InvitationToken.parse(valid.substring(0, 64) + "=")).isEmpty();
    }

    @Test
    void the_token_never_shows_its_secret_in_logs() {
        InvitationToken token = InvitationToken.create(TENANT);

        assertThat(token.toString()).contains(TENANT.toString()).doesNotContain(token.text());
    }
}
