package com.nexo.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code nexo.demo.*}: whether to seed the demo tenants and the demo users' password. */
@ConfigurationProperties("nexo.demo")
record DemoProperties(boolean enabled, String password) {}
