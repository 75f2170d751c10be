package com.nexo.security.roles;

import com.nexo.security.ModulePermissions;
import com.nexo.security.Permission;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Every permission the application checks, gathered from the modules' declarations. */
@Component
public class PermissionCatalog {

    private final SortedSet<Permission> all = new TreeSet<>();
    private final Map<String, List<Permission>> byModule = new LinkedHashMap<>();

    PermissionCatalog(List<ModulePermissions> modules) {
        modules.stream()
                .sorted(java.util.Comparator.comparing(ModulePermissions::module))
                .forEach(module -> {
                    // A second declaration of a module would replace the first one's row of the
                    // permission matrix, leaving its permissions grantable but out of sight.
                    if (byModule.containsKey(module.module())) {
                        throw new IllegalStateException("Module " + module.module() + " is declared twice");
                    }
                    for (Permission permission : module.permissions()) {
                        if (!permission.module().equals(module.module())) {
                            throw new IllegalStateException(permission + " is declared by module " + module.module());
                        }
                        if (!all.add(permission)) {
                            throw new IllegalStateException(permission + " is declared twice");
                        }
                    }
                    byModule.put(module.module(), List.copyOf(module.permissions()));
                });
    }

    public SortedSet<Permission> all() {
        return java.util.Collections.unmodifiableSortedSet(all);
    }

    /** Module code to its permissions, in module order: the rows of the permission matrix. */
    public Map<String, List<Permission>> byModule() {
        return java.util.Collections.unmodifiableMap(byModule);
    }

    public boolean contains(Permission permission) {
        return all.contains(permission);
    }

    /** The permissions of the given modules that carry one of the given actions. */
    public SortedSet<Permission> select(Collection<String> modules, Collection<String> actions) {
        SortedSet<Permission> selected = new TreeSet<>();
        for (Permission permission : all) {
            if ((modules == null || modules.contains(permission.module()))
                    && (actions == null || actions.contains(permission.action()))) {
                selected.add(permission);
            }
        }
        return selected;
    }
}
