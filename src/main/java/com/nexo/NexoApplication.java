package com.nexo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** NEXO: a multi-tenant, multi-actor CRM/ERP. Each direct sub-package is an application module. */
@SpringBootApplication
@EnableScheduling
public class NexoApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(NexoApplication.class);
        StartupSteps steps = StartupSteps.fromSystemProperty();
        if (steps != null) {
            application.setApplicationStartup(steps);
            application.addListeners(steps);
        }
        application.run(args);
    }
}
