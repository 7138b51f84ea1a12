package org.qualitybenchmark.access;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Checks a login against the identity service, where Camunda Admin manages users and groups. */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityDirectory directory;

    IdentityAuthenticationProvider(IdentityDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        AppUser user = directory.authenticate(userId, credentials == null ? "" : credentials.toString())
                .orElseThrow(() -> new BadCredentialsException("用户名或密码错误"));
        List<SimpleGrantedAuthority> authorities = user.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
