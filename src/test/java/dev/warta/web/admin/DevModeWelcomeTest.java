package dev.warta.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

class DevModeWelcomeTest {

    @Test
    void devModeSaysWhereTheEditorPageIsAndWhichTokenSignsIn() {
        assertThat(DevModeWelcome.message(LaunchMode.DEVELOPMENT, 8080, Optional.of(List.of("", "dev-token", "other"))))
                .hasValueSatisfying(m -> assertThat(m).contains("http://localhost:8080/admin")
                        .contains("dev token dev-token").contains("/q/dev-ui").contains("/q/swagger-ui"));
        assertThat(DevModeWelcome.message(LaunchMode.DEVELOPMENT, 9090, Optional.empty()))
                .hasValueSatisfying(m -> assertThat(m).contains("http://localhost:9090/admin").contains("no admin token"));
    }

    @Test
    void noOtherModeTellsTheToken() {
        assertThat(DevModeWelcome.message(LaunchMode.NORMAL, 8080, Optional.of(List.of("geheim")))).isEmpty();
        assertThat(DevModeWelcome.message(LaunchMode.TEST, 8080, Optional.of(List.of("geheim")))).isEmpty();
    }
}
