package com.nexo.tenancy;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    /**
     * Wraps the application's security context strategy (Vaadin's) so that background work started
     * inside a request runs its method security checks as the background actor.
     */
    @Bean
    static BeanPostProcessor backgroundAwareSecurityContext() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SecurityContextHolderStrategy strategy
                        && !(bean instanceof BackgroundAwareSecurityContextHolderStrategy)) {
                    return new BackgroundAwareSecurityContextHolderStrategy(strategy);
                }
                return bean;
            }
        };
    }

    /** Replaces Boot's default JPA transaction manager (it backs off when one is defined). */
    @Bean
    PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory, Environment environment) {
        return new ContextBindingTransactionManager(
                entityManagerFactory, new DatabaseContextBinder(ActorRoles.from(environment)));
    }
}
