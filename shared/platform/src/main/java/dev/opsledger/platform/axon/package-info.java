/**
 * Axon Framework on the service's own PostgreSQL, configured by
 * {@link dev.opsledger.platform.axon.AxonPlatformAutoConfiguration}: JDBC event store, token
 * store and saga store joined to Spring transactions, Jackson 3 serialization, JobRunr deadlines,
 * and the Flyway locations {@code db/migration/platform} (V1..V99, owned by the platform) and
 * {@code db/migration/<service>} (V100+, owned by the service). Defaults that a service may
 * override come from {@link dev.opsledger.platform.axon.PlatformDefaultsEnvironmentPostProcessor}.
 */
package dev.opsledger.platform.axon;
