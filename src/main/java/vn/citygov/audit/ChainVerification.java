package vn.citygov.audit;

/**
 * The result of checking the hash chain: valid, or where it first breaks and why.
 *
 * @param checked entries checked before stopping
 * @param firstBrokenId id of the first entry whose hash or link does not match, when broken
 * @param pending entries written by changes that committed after the check began, sealed moments later
 */
public record ChainVerification(boolean valid, long checked, Long firstBrokenId, String reason, long pending) {
}
