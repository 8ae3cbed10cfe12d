/**
 * The public contract of OpsLedger: what other teams may depend on. Plain Java only: no Spring,
 * no Axon, no persistence.
 *
 * <p>Layout: each service's records live in a sub-package named after it ({@code release},
 * {@code access}, {@code backup}, {@code automation}); their JSON Schemas in
 * {@code src/main/resources/schemas/<service>/<name>.v<version>.json}; the AsyncAPI document of
 * each topic in {@code src/main/resources/asyncapi/<service>.yaml}.
 */
package dev.opsledger.contracts;
