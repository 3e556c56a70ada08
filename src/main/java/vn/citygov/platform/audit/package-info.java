/** The contract between modules and the audit trail. */
package vn.citygov.platform.audit;
