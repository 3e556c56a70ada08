package vn.citygov.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
        registry.addInterceptor(layoutModel).excludePathPatterns("/api/**");
    }
}
