package vn.citygov.procedures;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import vn.citygov.platform.text.TextFolding;
import vn.citygov.procedures.Procedure.RequiredDocument;
import vn.citygov.procedures.Procedure.Step;

/**
 * Normalises a procedure input (NFC, trimmed) and lists what is wrong with it. References to fields
 * and agencies are checked through the predicates, so the rules stay testable without a database.
 */
final class ProcedureChecks {

    static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9.-]{2,31}$");
    static final Pattern REF_CODE = Pattern.compile("^[a-z0-9-]{2,64}$");
    static final int MAX_NAME = 500;
    static final int MAX_LONG_TEXT = 4000;
    static final int MAX_PARTS = 50;

    private final FormSchemaValidator forms;
    private final Predicate<String> fieldExists;
    private final Predicate<String> agencyExists;
    private final Predicate<String> workflowExists;

    ProcedureChecks(FormSchemaValidator forms, Predicate<String> fieldExists, Predicate<String> agencyExists,
            Predicate<String> workflowExists) {
        this.forms = forms;
        this.fieldExists = fieldExists;
        this.agencyExists = agencyExists;
        this.workflowExists = workflowExists;
    }

    static ProcedureInput normalize(ProcedureInput in) {
        List<Step> steps = in.steps() == null ? null
                : in.steps().stream().map(s -> s == null ? null : new Step(nfc(s.text()), nfc(s.textEn()))).toList();
        List<RequiredDocument> documents = in.documents() == null ? null
                : in.documents().stream().map(d -> d == null ? null : new RequiredDocument(nfc(d.name()), nfc(d.nameEn()),
                        d.copies(), nfc(d.kind()), nfc(d.registry()), nfc(d.registryEn()))).toList();
        return new ProcedureInput(nfc(in.code()), nfc(in.name()), nfc(in.nameEn()), nfc(in.fieldCode()),
                nfc(in.agencyCode()), nfc(in.level()), nfc(in.onlineLevel()), in.processingDays(), in.feeVnd(),
                nfc(in.feeNote()), nfc(in.feeNoteEn()), nfc(in.legalBasis()), steps, nfc(in.resultDocument()),
                nfc(in.resultDocumentEn()), documents, in.form(),
                in.workflow() == null || in.workflow().isBlank() ? WorkflowDefinition.DEFAULT : nfc(in.workflow()),
                in.version());
    }

    /** Every problem of one input, each path starting with {@code prefix} (e.g. "[3]." in an import). */
    List<FieldError> check(ProcedureInput in, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "required"));
            return errors;
        }
        if (required(in.code(), prefix + "code", errors) && !CODE.matcher(in.code()).matches()) {
            errors.add(new FieldError(prefix + "code", "code"));
        }
        text(in.name(), true, MAX_NAME, prefix + "name", errors);
        text(in.nameEn(), true, MAX_NAME, prefix + "nameEn", errors);
        if (required(in.fieldCode(), prefix + "fieldCode", errors)
                && (!REF_CODE.matcher(in.fieldCode()).matches() || !fieldExists.test(in.fieldCode()))) {
            errors.add(new FieldError(prefix + "fieldCode", "unknown-procedure-field"));
        }
        if (required(in.level(), prefix + "level", errors)) {
            if (!Procedure.LEVELS.contains(in.level())) {
                errors.add(new FieldError(prefix + "level", "value"));
            } else if ("ward".equals(in.level())) {
                if (in.agencyCode() != null) {
                    errors.add(new FieldError(prefix + "agencyCode", "ward-agency"));
                }
            } else if (required(in.agencyCode(), prefix + "agencyCode", errors)
                    && (!REF_CODE.matcher(in.agencyCode()).matches() || !agencyExists.test(in.agencyCode()))) {
                errors.add(new FieldError(prefix + "agencyCode", "unknown-agency"));
            }
        }
        if (required(in.onlineLevel(), prefix + "onlineLevel", errors) && !Procedure.ONLINE_LEVELS.contains(in.onlineLevel())) {
            errors.add(new FieldError(prefix + "onlineLevel", "value"));
        }
        if (in.processingDays() == null) {
            errors.add(new FieldError(prefix + "processingDays", "required"));
        } else if (in.processingDays() < 0 || in.processingDays() > 365) {
            errors.add(new FieldError(prefix + "processingDays", "range"));
        }
        if (in.feeVnd() == null) {
            errors.add(new FieldError(prefix + "feeVnd", "required"));
        } else if (in.feeVnd() < 0 || in.feeVnd() > 1_000_000_000_000L) {
            errors.add(new FieldError(prefix + "feeVnd", "range"));
        }
        text(in.feeNote(), false, MAX_LONG_TEXT, prefix + "feeNote", errors);
        text(in.feeNoteEn(), false, MAX_LONG_TEXT, prefix + "feeNoteEn", errors);
        text(in.legalBasis(), true, MAX_LONG_TEXT, prefix + "legalBasis", errors);
        text(in.resultDocument(), true, MAX_NAME, prefix + "resultDocument", errors);
        text(in.resultDocumentEn(), true, MAX_NAME, prefix + "resultDocumentEn", errors);
        checkSteps(in.steps(), prefix, errors);
        checkDocuments(in.documents(), prefix, errors);
        checkForm(in.form(), prefix, errors);
        if (in.workflow() != null && (!WorkflowChecks.CODE.matcher(in.workflow()).matches()
                || !workflowExists.test(in.workflow()))) {
            errors.add(new FieldError(prefix + "workflow", "unknown-workflow"));
        }
        return errors;
    }

    private static void checkSteps(List<Step> steps, String prefix, List<FieldError> errors) {
        if (steps == null || steps.isEmpty()) {
            errors.add(new FieldError(prefix + "steps", "required"));
            return;
        }
        if (steps.size() > MAX_PARTS) {
            errors.add(new FieldError(prefix + "steps", "too-many"));
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            String at = prefix + "steps[" + i + "]";
            if (steps.get(i) == null) {
                errors.add(new FieldError(at, "required"));
                continue;
            }
            text(steps.get(i).text(), true, MAX_LONG_TEXT, at + ".text", errors);
            text(steps.get(i).textEn(), true, MAX_LONG_TEXT, at + ".textEn", errors);
        }
    }

    private static void checkDocuments(List<RequiredDocument> documents, String prefix, List<FieldError> errors) {
        if (documents == null) {
            return;
        }
        if (documents.size() > MAX_PARTS) {
            errors.add(new FieldError(prefix + "documents", "too-many"));
            return;
        }
        for (int i = 0; i < documents.size(); i++) {
            String at = prefix + "documents[" + i + "]";
            RequiredDocument d = documents.get(i);
            if (d == null) {
                errors.add(new FieldError(at, "required"));
                continue;
            }
            text(d.name(), true, MAX_NAME, at + ".name", errors);
            text(d.nameEn(), true, MAX_NAME, at + ".nameEn", errors);
            if (d.copies() == null) {
                errors.add(new FieldError(at + ".copies", "required"));
            } else if (d.copies() < 0 || d.copies() > 99) {
                errors.add(new FieldError(at + ".copies", "range"));
            }
            if (required(d.kind(), at + ".kind", errors) && !RequiredDocument.KINDS.contains(d.kind())) {
                errors.add(new FieldError(at + ".kind", "value"));
            }
            boolean registry = "registry".equals(d.kind());
            text(d.registry(), registry, MAX_NAME, at + ".registry", errors);
            text(d.registryEn(), false, MAX_NAME, at + ".registryEn", errors);
            if (!registry && (d.registry() != null || d.registryEn() != null)) {
                errors.add(new FieldError(at + ".registry", "registry-not-allowed"));
            }
        }
    }

    private void checkForm(FormSchema form, String prefix, List<FieldError> errors) {
        if (form == null) {
            errors.add(new FieldError(prefix + "form", "required"));
            return;
        }
        for (FieldError e : forms.check(form)) {
            errors.add(new FieldError(prefix + "form." + e.path(), e.reason()));
        }
        texts(form.fields(), prefix + "form.fields", errors);
    }

    // Labels and names end up in jsonb, which refuses NUL characters: refuse control characters here.
    private static void texts(List<FormField> fields, String path, List<FieldError> errors) {
        for (int i = 0; i < fields.size(); i++) {
            FormField f = fields.get(i);
            String at = path + "[" + i + "]";
            for (String s : new String[] {f.name(), f.type(), f.label(), f.labelEn()}) {
                if (controls(s) || (s != null && s.length() > MAX_NAME)) {
                    errors.add(new FieldError(at, "text"));
                }
            }
            for (FormField.FormOption o : f.options()) {
                if (controls(o.value()) || controls(o.label()) || controls(o.labelEn())) {
                    errors.add(new FieldError(at + ".options", "text"));
                }
            }
            texts(f.fields(), at + ".fields", errors);
        }
    }

    private static boolean required(String value, String path, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(path, "required"));
            return false;
        }
        if (controls(value) || value.length() > MAX_LONG_TEXT) {
            errors.add(new FieldError(path, "text"));
            return false;
        }
        return true;
    }

    private static void text(String value, boolean required, int max, String path, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            if (required) {
                errors.add(new FieldError(path, "required"));
            }
        } else if (value.length() > max) {
            errors.add(new FieldError(path, "too-long"));
        } else if (controls(value)) {
            errors.add(new FieldError(path, "text"));
        }
    }

    private static boolean controls(String s) {
        return s != null && s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
    }

    private static String nfc(String s) {
        String n = TextFolding.nfc(s);
        return n == null || n.isEmpty() ? null : n;
    }
}
