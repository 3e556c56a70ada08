package vn.citygov.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title, the two ways to authenticate, and the problem+json errors every
 * operation can give, so each controller documents only what is special to it.
 */
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

    /** Adds the standard error answers to every operation that does not document them itself. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas("Problem", problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                boolean writes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                        || method == PathItem.HttpMethod.PATCH;
                addIfMissing(operation, "400", "Invalid parameters or body; field errors listed");
                addIfMissing(operation, "401", "Missing, bad, expired or revoked credentials");
                addIfMissing(operation, "403", "Not allowed for this caller or this object");
                addIfMissing(operation, "404", "Unknown path or object");
                if (writes) {
                    addIfMissing(operation, "409", "Stale version, duplicate, or a retry still running");
                    addIfMissing(operation, "413", "Body larger than allowed");
                    addIfMissing(operation, "415", "Body is not application/json");
                }
                if (method == PathItem.HttpMethod.POST) {
                    addIfMissing(operation, "422", "Idempotency-Key reused with a different body");
                }
                addIfMissing(operation, "500", "Unexpected error; quote the requestId to support");
            }));
        };
    }

    private static void addIfMissing(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        if (!operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details, in the language of Accept-Language")
                .properties(Map.of(
                        "type", new StringSchema(),
                        "title", new StringSchema(),
                        "status", new IntegerSchema(),
                        "detail", new StringSchema(),
                        "code", new StringSchema().description("Stable error code for programs"),
                        "requestId", new StringSchema().description("Matches X-Request-Id and the server log"),
                        "errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema()
                                .addProperty("field", new StringSchema()).addProperty("message", new StringSchema()))));
    }
}
