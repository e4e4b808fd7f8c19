package org.orderdesk.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Form login through Vaadin's security configurer, throttled per username and client address;
 * every view needs a signed-in user unless marked otherwise.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            RequestUtil vaadinRequests,
            UserDetailsService users,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            List<SignedInEndpoint> signedInEndpoints,
            LoginPage loginPage)
            throws Exception {
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/styles/**", "/js/**", "/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole(Role.SUPERVISOR_ROLE);
            // Each endpoint says itself why a signed-in user may call it.
            signedInEndpoints.forEach(endpoint ->
                    requests.requestMatchers(endpoint.method(), endpoint.path()).authenticated());
        });
        // Vaadin's own CSRF setup also exempts the login form's POST, which would let another site
        // sign a clerk's browser in to an account of its choosing. Only Vaadin's internal requests,
        // which carry Vaadin's own token, are exempt here; the login form sends the page's _csrf.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                .csrfTokenRequestHandler(new MalformedCsrfTokenHandler()));
        http.headers(headers -> {
            headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.DIRECTIVES));
            // Before the page, not when it is committed: Vaadin's bootstrap page reaches its servlet
            // through a forward, which commits a page smaller than the response buffer before
            // Spring Security's filter would add its headers, so they went missing on such pages.
            headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            });
        });
        // The login form's only way in, without a parent manager that could check the password again.
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        http.authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle)));
        return http.with(
                        VaadinSecurityConfigurer.vaadin(),
                        // Logging out is Spring Security's POST /logout (see LogoutView).
                        vaadin -> vaadin.loginView(loginPage.view(), loginPage.afterLogout())
                                .enableCsrfConfiguration(false))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
