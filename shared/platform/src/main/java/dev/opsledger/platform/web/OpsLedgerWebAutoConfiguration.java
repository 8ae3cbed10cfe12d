package dev.opsledger.platform.web;

import dev.opsledger.platform.error.ProblemDetailsWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import jakarta.servlet.DispatcherType;

/** Request ids, and the input no service accepts ({@link InputSafety}), for every servlet service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpsLedgerWebAutoConfiguration {

    /**
     * Just after the highest precedence: well before Spring Security's filter chain (order -100),
     * so authentication failures are answered with the request id, and after nothing that logs.
     */
    public static final int REQUEST_ID_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    @ConditionalOnMissingBean(name = "requestIdFilterRegistration")
    FilterRegistrationBean<RequestIdFilter> requestIdFilterRegistration() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(REQUEST_ID_FILTER_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.setName("requestIdFilter");
        return registration;
    }

    /** With the request id, before security: a refused request is on its trace too. */
    public static final int TRACE_PARENT_FILTER_ORDER = REQUEST_ID_FILTER_ORDER + 1;

    @Bean
    @ConditionalOnMissingBean(name = "traceParentFilterRegistration")
    FilterRegistrationBean<TraceParentFilter> traceParentFilterRegistration() {
        FilterRegistrationBean<TraceParentFilter> registration = new FilterRegistrationBean<>(new TraceParentFilter());
        registration.setOrder(TRACE_PARENT_FILTER_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.setName("traceParentFilter");
        return registration;
    }

    /** Right after the request id, before security: unreadable input never reaches a filter or handler. */
    public static final int REQUEST_INPUT_FILTER_ORDER = TRACE_PARENT_FILTER_ORDER + 1;

    @Bean
    @ConditionalOnMissingBean(name = "requestInputFilterRegistration")
    FilterRegistrationBean<RequestInputFilter> requestInputFilterRegistration(ObjectProvider<JsonMapper> jsonMapper) {
        FilterRegistrationBean<RequestInputFilter> registration =
                new FilterRegistrationBean<>(new RequestInputFilter(new ProblemDetailsWriter(jsonMapper.getIfAvailable(JsonMapper::shared))));
        registration.setOrder(REQUEST_INPUT_FILTER_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setName("requestInputFilter");
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    SafeRequestBodyAdvice safeRequestBodyAdvice() {
        return new SafeRequestBodyAdvice();
    }

    @Bean
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    @ConditionalOnMissingBean
    OpenApiConventions openApiConventions() {
        return new OpenApiConventions();
    }

    @Bean
    @ConditionalOnMissingBean
    StrictJsonScalars strictJsonScalars() {
        return new StrictJsonScalars();
    }
}
