/**
 * Payments: fee rules (data with effective dates and a channel), a {@link PaymentProvider} interface and a
 * built-in sandbox gateway that behaves like a real one (redirect, signed callback, refunds, receipts).
 * Dossiers call this module; it never calls dossiers and tells them about payments through events.
 *
 * <p>Who may do what:
 * <table>
 * <caption>Payments permissions</caption>
 * <tr><th>action</th><th>needs</th></tr>
 * <tr><td>ask the fee in force</td><td>nobody (public)</td></tr>
 * <tr><td>manage fee rules, refund a payment, read any payment</td><td>{@code payments.manage} citywide</td></tr>
 * <tr><td>start a payment, read one's own payments</td><td>a logged-in person</td></tr>
 * <tr><td>send a gateway callback</td><td>nobody, but it must carry a valid signature</td></tr>
 * </table>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments", allowedDependencies = {"platform", "procedures"})
package vn.citygov.payments;
