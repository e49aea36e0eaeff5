package dev.warta.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

class AdminTokenCheckTest {

    @Test
    void productionRefusesToStartWithoutAToken() {
        assertThatThrownBy(() -> AdminTokenCheck.check(LaunchMode.NORMAL, Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WARTA_ADMIN_TOKENS");
        assertThatThrownBy(() -> AdminTokenCheck.check(LaunchMode.NORMAL, Optional.of(List.of(" "))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void productionStartsWithAToken() {
        assertThatCode(() -> AdminTokenCheck.check(LaunchMode.NORMAL, Optional.of(List.of("s3cret-token"))))
                .doesNotThrowAnyException();
    }

    @Test
    void devModeOnlyWarns() {
        assertThatCode(() -> AdminTokenCheck.check(LaunchMode.DEVELOPMENT, Optional.empty())).doesNotThrowAnyException();
    }
}
