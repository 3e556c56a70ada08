package vn.citygov.procedures;

import java.util.List;

/** What an import did: the codes created and the codes updated (unchanged ones count as updated). */
public record ImportReport(List<String> created, List<String> updated) {
}
