package dev.warta.web;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Describes the admin API at {@code /q/openapi}: bearer tokens guard {@code /api/**}. */
@OpenAPIDefinition(
        info = @Info(title = "Warta", version = "0.1",
                description = "Feed aggregator and syndication server. /api/** needs Authorization: Bearer <admin token>; "
                        + "/feeds/** and the HTML pages are public."),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "bearer",
                type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "One of warta.admin.tokens (WARTA_ADMIN_TOKENS)")))
public class OpenApiDefinition extends Application {
}
