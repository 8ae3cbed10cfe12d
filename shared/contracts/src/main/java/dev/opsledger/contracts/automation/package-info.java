/**
 * Public events of automation-service on {@code opsledger.automation.events} and the request it
 * serves on {@code opsledger.automation.requests}: tasks, their runs and their schedules. Run
 * events carry the {@code requestId} of the request that asked for the run, when one did.
 * Secret values never appear in them.
 */
package dev.opsledger.contracts.automation;
