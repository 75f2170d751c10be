package com.nexo.crm.forecast;

import com.nexo.security.PublicAddresses;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where the forecast's charting library is served from: Apache ECharts, from its WebJar on the
 * classpath, by the application itself (so the content security policy's {@code script-src 'self'}
 * covers it and no other origin is contacted), to logged-in users only.
 */
@Component
public class ChartScript implements PublicAddresses {

    /** The ECharts version of the WebJar in the pom. */
    public static final String VERSION = "5.3.1";

    /** The address of the minified library. */
    public static final String URL = "/webjars/echarts/" + VERSION + "/dist/echarts.min.js";

    @Override
    public List<String> loggedIn() {
        return List.of("/webjars/echarts/**");
    }
}
