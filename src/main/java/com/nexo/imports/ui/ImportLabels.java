package com.nexo.imports.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.imports.ImportField;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.Refusal;
import com.nexo.imports.jobs.ImportCounts;
import com.nexo.imports.jobs.ImportRuleException;
import com.nexo.imports.jobs.ImportState;
import com.nexo.imports.jobs.ImportSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** How the import centre's screens name states, counts, durations, values and refusals. */
final class ImportLabels {

    private ImportLabels() {}

    /**
     * Calls the import centre; a request it refuses is told to the user in their language instead of
     * thrown. Returns whether the call went through.
     */
    static boolean attempt(Component context, Runnable call) {
        try {
            call.run();
            return true;
        } catch (ImportRuleException refused) {
            Notices.error(context.getTranslation(refused.messageKey(), refused.arguments()));
            return false;
        }
    }

    /** {@link #attempt} for a call that answers: its answer, or empty when refused. */
    static <T> Optional<T> tryCall(Component context, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (ImportRuleException refused) {
            Notices.error(context.getTranslation(refused.messageKey(), refused.arguments()));
            return Optional.empty();
        }
    }

    static String state(Component context, ImportState state) {
        return switch (state) {
            case DRAFT -> context.getTranslation("imports.state.draft");
            case CHECKING -> context.getTranslation("imports.state.checking");
            case CHECKED -> context.getTranslation("imports.state.checked");
            case QUEUED -> context.getTranslation("imports.state.queued");
            case RUNNING -> context.getTranslation("imports.state.running");
            case COMPLETED -> context.getTranslation("imports.state.completed");
            case FAILED -> context.getTranslation("imports.state.failed");
            case UNDOING -> context.getTranslation("imports.state.undoing");
            case UNDONE -> context.getTranslation("imports.state.undone");
        };
    }

    /** The Lumo badge theme of a state, for {@code GridCells.badgeRenderer}. */
    static String stateTheme(ImportState state) {
        return switch (state) {
            case COMPLETED, CHECKED -> "success small";
            case FAILED -> "error small";
            case DRAFT, UNDONE -> "contrast small";
            default -> "small";
        };
    }

    static Badge stateBadge(Component context, ImportState state) {
        Badge badge = new Badge(state(context, state));
        badge.addThemeVariants(BadgeVariant.SMALL);
        switch (state) {
            case COMPLETED, CHECKED -> badge.addThemeVariants(BadgeVariant.SUCCESS);
            case FAILED -> badge.addThemeVariants(BadgeVariant.ERROR);
            case DRAFT, UNDONE -> badge.addThemeVariants(BadgeVariant.CONTRAST);
            default -> {
                // A job going on: the default (primary) badge.
            }
        }
        badge.addClassName("import-state");
        return badge;
    }

    /** The target's name in the reader's language; its id when it is not offered to this user any more. */
    static String target(Component context, Collection<ImportTarget> targets, String targetId) {
        return targets.stream()
                .filter(target -> target.id().equals(targetId))
                .findFirst()
                .map(target -> context.getTranslation(target.labelKey()))
                .orElse(targetId);
    }

    static String field(Component context, ImportField field) {
        return context.getTranslation(field.labelKey());
    }

    /** The counts that tell best what an import did: the run's once it ran, else the dry run's. */
    static Optional<ImportCounts> shownCounts(ImportSummary summary) {
        boolean ran = switch (summary.state()) {
            case QUEUED, RUNNING, COMPLETED, UNDOING, UNDONE -> true;
            case FAILED -> summary.counts().total() > 0 || summary.dryRun().isEmpty();
            default -> false;
        };
        if (ran) {
            return Optional.of(summary.counts());
        }
        return summary.dryRun();
    }

    /** What an import did, for a list: the run's counts, or the dry run's marked as such. */
    static String result(Component context, ImportSummary summary) {
        Optional<ImportCounts> shown = shownCounts(summary);
        if (shown.isEmpty()) {
            return "";
        }
        if (shown.get() == summary.counts()) {
            return counts(context, shown.get());
        }
        return context.getTranslation("imports.list.dry-run-counts", counts(context, shown.get()));
    }

    static String counts(Component context, ImportCounts counts) {
        return context.getTranslation(
                "imports.counts",
                Format.integer(counts.created()),
                Format.integer(counts.updated()),
                Format.integer(counts.unchanged()),
                Format.integer(counts.refused()));
    }

    /** A duration as {@code 0:04:07}: the same in both languages, and short enough for a list. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    static String size(Component context, long bytes) {
        if (bytes < 1024 * 1024) {
            return context.getTranslation("imports.size.kib", Format.integer(Math.max(1, (bytes + 1023) / 1024)));
        }
        return context.getTranslation(
                "imports.size.mib", Format.decimal(BigDecimal.valueOf(bytes / (1024.0 * 1024.0)), 0, 1));
    }

    /** A reason a row was refused, in the reader's language. */
    static String refusal(Component context, Refusal refusal) {
        return context.getTranslation(refusal.messageKey(), refusal.args().toArray());
    }

    /** Refusals of a preview row, each after the name of its field when it is about one. */
    static String problems(Component context, List<Refusal> problems, List<ImportField> fields) {
        return problems.stream()
                .map(problem -> {
                    String reason = refusal(context, problem);
                    if (problem.field() == null) {
                        return reason;
                    }
                    String name = fields.stream()
                            .filter(field -> field.id().equals(problem.field()))
                            .findFirst()
                            .map(field -> field(context, field))
                            .orElse(problem.field());
                    return context.getTranslation("imports.preview.problem", name, reason);
                })
                .collect(Collectors.joining(" · "));
    }

    /** A value parsed from the file, written as the reader writes it. */
    static String value(Component context, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Long number) {
            return Format.integer(number);
        }
        if (value instanceof Integer number) {
            return Format.integer(number);
        }
        if (value instanceof BigDecimal number) {
            return Format.decimal(number, 0, 6);
        }
        if (value instanceof LocalDate date) {
            return Format.date(date);
        }
        if (value instanceof Boolean yes) {
            return yes ? context.getTranslation("imports.value.yes") : context.getTranslation("imports.value.no");
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(element -> value(context, element)).collect(Collectors.joining(" | "));
        }
        return value.toString();
    }
}
