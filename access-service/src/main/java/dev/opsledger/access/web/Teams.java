package dev.opsledger.access.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller's teams: Keycloak groups under {@value #PREFIX}, which tokens carry in their
 * {@code groups} claim (full paths). A resource's owning team {@code platform} is the group
 * {@code /teams/platform} (ADR 014).
 */
public final class Teams {

    public static final String PREFIX = "/teams/";

    private Teams() {
    }

    public static Set<String> of(Authentication caller) {
        if (!(caller instanceof JwtAuthenticationToken token)) {
            return Set.of();
        }
        List<String> groups = token.getToken().getClaimAsStringList("groups");
        return groups == null ? Set.of() : groups.stream()
                .filter(group -> group.startsWith(PREFIX) && group.length() > PREFIX.length())
                .map(group -> group.substring(PREFIX.length()))
                .filter(team -> !team.contains("/"))
                .collect(Collectors.toUnmodifiableSet());
    }
}
