package com.nexo.imports.jobs;

import com.nexo.imports.ImportField;
import com.nexo.imports.ImportTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The targets the modules declared, by id. */
@Component
class ImportTargets {

    private final Map<String, ImportTarget> byId = new LinkedHashMap<>();

    ImportTargets(List<ImportTarget> targets) {
        for (ImportTarget target : targets) {
            if (byId.put(target.id(), target) != null) {
                throw new IllegalStateException("two import targets with the id " + target.id());
            }
            for (String key : target.keyFields()) {
                if (target.fields().stream().noneMatch(field -> field.id().equals(key))) {
                    throw new IllegalStateException("key field " + key + " is not a field of " + target.id());
                }
            }
        }
    }

    List<ImportTarget> all() {
        return List.copyOf(byId.values());
    }

    Optional<ImportTarget> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    ImportTarget get(String id) {
        return find(id).orElseThrow(() -> new ImportRuleException("imports.error.no-target"));
    }

    static int indexOf(ImportTarget target, String fieldId) {
        List<ImportField> fields = target.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).id().equals(fieldId)) {
                return i;
            }
        }
        return -1;
    }
}
