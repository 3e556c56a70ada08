/**
 * The audit trail of every module: listens to {@link vn.citygov.platform.audit.AuditedChange} events
 * and appends them to a hash chain; administrators browse it and verify the chain.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "platform")
package vn.citygov.audit;
