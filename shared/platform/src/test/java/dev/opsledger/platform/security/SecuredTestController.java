package dev.opsledger.platform.security;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the resource-server tests call: {@code /me} shows the principal the token became, and
 * {@code /developers-only} is gated by a realm role.
 */
@RestController
class SecuredTestController {

    @GetMapping("/me")
    Map<String, Object> me(Authentication authentication) {
        return Map.of("name", authentication.getName(),
                "authorities", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    @GetMapping("/developers-only")
    @PreAuthorize("hasRole('developer')")
    String developersOnly() {
        return "ok";
    }
}
