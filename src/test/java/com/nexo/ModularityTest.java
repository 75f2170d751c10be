package com.nexo;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(NexoApplication.class);

    @Test
    void modules_use_only_each_others_public_api_and_have_no_cycles() {
        MODULES.verify();
    }

    /**
     * The module map (all modules and their dependencies), one diagram per module, and a canvas per
     * module (its API types, named interfaces, events and beans), under {@code
     * target/spring-modulith-docs/}.
     */
    @Test
    void module_map_is_written_for_the_docs() {
        new Documenter(MODULES)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
