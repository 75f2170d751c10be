package com.nexo.crm.webforms;

import com.nexo.security.PublicAddresses;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The web-to-lead endpoint is open to anyone (a visitor of the tenant's web site posts to it from
 * another origin): no login, no session and so no CSRF token, which the public chain does not ask for.
 */
@Component
class WebToLeadAddresses implements PublicAddresses {

    @Override
    public List<String> open() {
        return List.of(WebToLeadController.ROOT + "/*");
    }
}
