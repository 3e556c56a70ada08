package vn.citygov.insight.internal;

import java.util.List;

/**
 * The city's digital-transformation KPIs: each a share of two measures. Targets per year and scope are
 * data ({@code insight_target}); the measures of most of them are loaded facts until a module records them.
 */
public record Kpi(String code, Formula formula) {

    public static final List<Kpi> ALL = List.of(
            new Kpi("online_services", ratio("service.online_receiving", "service.total")),
            new Kpi("dossiers_online", ratio("dossier.finished_online", "dossier.finished")),
            new Kpi("digitised", ratio("dossier.digitised", "dossier.received")),
            new Kpi("work_records_online", ratio("work.records_online", "work.records")),
            new Kpi("periodic_reports", ratio("periodic_report.on_system", "periodic_report.total")));

    public static boolean known(String code) {
        return ALL.stream().anyMatch(k -> k.code().equals(code));
    }

    private static Formula ratio(String numerator, String denominator) {
        return new Formula.Ratio(List.of(numerator), List.of(denominator));
    }
}
