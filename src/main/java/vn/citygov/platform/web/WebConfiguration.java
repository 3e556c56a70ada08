package vn.citygov.platform.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Language selection for pages: a visible switch sends {@code ?lang=vi|en}; the choice sticks. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final LayoutModel layoutModel;

    WebConfiguration(LayoutModel layoutModel) {
        this.layoutModel = layoutModel;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new CityGovLocaleResolver();
    }

    /** Request mappings looked up by path prefix rather than by trying each one (see PathIndexedHandlerMapping). */
    @Bean
    WebMvcRegistrations pathIndexedMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathIndexedHandlerMapping();
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
        registry.addInterceptor(layoutModel).excludePathPatterns("/api/**");
    }
}
