package com.nexo.cms.web;

import com.nexo.security.PublicAddresses;
import java.util.List;
import org.springframework.stereotype.Component;

/** The CMS's addresses outside the UI: public pages for anyone, content files for logged-in users. */
@Component
class CmsAddresses implements PublicAddresses {

    @Override
    public List<String> open() {
        return List.of(PublicPagesController.ROOT + "/**");
    }

    @Override
    public List<String> loggedIn() {
        return List.of(FileController.ROOT + "/**");
    }
}
