package org.qualitybenchmark.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Two doors. The Camunda webapps (Tasklist, Cockpit, Admin) sign users in themselves, with their
 * own session and CSRF protection, against the same identity service. Everything else, our
 * {@code /api}, its documentation and the engine REST API, needs HTTP Basic credentials on every
 * request; the workflow adapter hands the signed-in user on to the engine so that its
 * authorization checks apply to engine REST calls too.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(RoleGroups.class)
class SecurityConfiguration {

    static final String REALM = "quality-benchmark";

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        // Path patterns, not MVC matchers: the webapps' API is a Jersey servlet that MVC knows nothing of.
        http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, IdentityAuthenticationProvider provider) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error").permitAll()
                        // The case pages are static files; the data they show comes from /api, which asks for the login.
                        .requestMatchers(HttpMethod.GET, "/cases/**", "/procedures/**", "/calendar/**", "/inbox/**", "/imports/**",
                                "/mailbox/**", "/exports/**").permitAll()
                        // The dashboard page and the public chart and diagram libraries it loads.
                        .requestMatchers(HttpMethod.GET, "/dashboard/**", "/_static/echarts/**", "/webjars/bpmn-js/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .authenticationProvider(provider)
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic authentication: no cookie a forged cross-site request could ride on.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> writeProblem(response);
    }

    private static void writeProblem(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"about:blank","title":"需要登录","status":401,"detail":"请使用用户名和密码登录（HTTP Basic）"}""");
    }
}
