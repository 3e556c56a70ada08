package vn.citygov.platform;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/**
 * Per-node caches (Caffeine, settings in application.properties) for read-mostly reference data. Each
 * module clears its own caches after its changes commit; other nodes see a change within the expiry.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {
}
