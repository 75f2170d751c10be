package com.nexo.crm.assignment;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The choice of a rule and of the next member in turn, without the database (unit-tested). */
public final class AssignmentRules {

    private AssignmentRules() {}

    /** The first enabled rule, by position, whose condition a lead with these tags and region meets. */
    public static Optional<AssignmentRule> firstMatching(
            List<AssignmentRule> rules, Collection<String> tags, String region) {
        return rules.stream()
                .filter(AssignmentRule::enabled)
                .sorted(java.util.Comparator.comparingInt(AssignmentRule::position)
                        .thenComparing(AssignmentRule::id))
                .filter(rule -> matches(rule, tags, region))
                .findFirst();
    }

    /** Whether a lead with these tags and region meets the rule's condition (values compared ignoring case). */
    public static boolean matches(AssignmentRule rule, Collection<String> tags, String region) {
        String value = normalized(rule.matchValue());
        return switch (rule.condition()) {
            case ANY -> true;
            case TAG ->
                value != null && tags.stream().map(AssignmentRules::normalized).anyMatch(value::equals);
            case REGION -> value != null && value.equals(normalized(region));
        };
    }

    /**
     * Whose turn it is among {@code members} after {@code last}: the next one in id order, wrapping
     * round; the first when {@code last} is unknown or no longer a member. Empty without members.
     */
    public static Optional<UUID> nextInTurn(Collection<UUID> members, UUID last) {
        List<UUID> ordered = members.stream().distinct().sorted().toList();
        if (ordered.isEmpty()) {
            return Optional.empty();
        }
        if (last == null) {
            return Optional.of(ordered.getFirst());
        }
        for (UUID member : ordered) {
            if (member.compareTo(last) > 0) {
                return Optional.of(member);
            }
        }
        return Optional.of(ordered.getFirst());
    }

    static String normalized(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
