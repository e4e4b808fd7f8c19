package org.orderdesk.security.ui;

import org.orderdesk.security.LoginPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the security configuration which view signs users in. */
@Configuration
class LoginPageConfig {

    @Bean
    LoginPage loginPage() {
        return new LoginPage(LoginView.class, "/login");
    }
}
