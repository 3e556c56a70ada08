package vn.citygov.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and the two ways to authenticate, so the API docs UI can send them. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI cityGovOpenApi() {
        return new OpenAPI()
                .info(new Info().title("CityGov API").version("v1")
                        .description("Ho Chi Minh City digital-government platform. Conventions: paged lists "
                                + "{items,total,page,size}; errors as application/problem+json in the language of "
                                + "Accept-Language (vi, en); Idempotency-Key on creating POSTs.")
                        .license(new License().name("Open source")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("Access token from POST /api/v1/auth/token"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")
                                .description("Machine API key of an outside system")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
