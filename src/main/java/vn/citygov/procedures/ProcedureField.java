package vn.citygov.procedures;

/** A field (lĩnh vực) that groups procedures, e.g. civil status, certification, land. */
public record ProcedureField(String code, String name, String nameEn) {
}
