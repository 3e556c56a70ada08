-- Processing workflows as data (issue 4): named, versioned by effective date; a procedure names the workflow
-- its dossiers follow. A dossier copies the steps of the version in force on the day it is accepted, so a
-- new version never changes dossiers already in processing. Steps: code, name, name_en, kind (reception,
-- processing, approval, result, delivery), permission, agency_code (null = the dossier's competent agency;
-- set for inter-agency steps) and share (percent of the processing time; the shares sum to 100, checked
-- by the application when a version is saved).

CREATE TABLE procedures_workflow (
    code           text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    effective_from date NOT NULL,
    name           text NOT NULL,
    name_en        text NOT NULL,
    steps          jsonb NOT NULL,
    PRIMARY KEY (code, effective_from)
);

ALTER TABLE procedures_procedure ADD COLUMN workflow_code text NOT NULL DEFAULT 'standard';

INSERT INTO procedures_workflow (code, effective_from, name, name_en, steps) VALUES
('standard', DATE '2025-07-01', 'Quy trình chuẩn', 'Standard workflow', '[
  {"code": "reception", "name": "Tiếp nhận hồ sơ", "nameEn": "Desk reception", "kind": "reception", "permission": "dossier.receive", "agencyCode": null, "share": 5},
  {"code": "specialist", "name": "Chuyên viên thẩm định", "nameEn": "Specialist review", "kind": "processing", "permission": "dossier.process", "agencyCode": null, "share": 60},
  {"code": "head-approval", "name": "Lãnh đạo phê duyệt", "nameEn": "Head of unit approval", "kind": "approval", "permission": "dossier.approve", "agencyCode": null, "share": 25},
  {"code": "result", "name": "Ban hành kết quả", "nameEn": "Result issued", "kind": "result", "permission": "dossier.process", "agencyCode": null, "share": 5},
  {"code": "return", "name": "Trả kết quả", "nameEn": "Result returned", "kind": "delivery", "permission": "dossier.receive", "agencyCode": null, "share": 5}
]'),
('department-review', DATE '2025-07-01', 'Quy trình cấp sở có phòng chuyên môn thẩm tra', 'Department workflow with division review', '[
  {"code": "reception", "name": "Tiếp nhận hồ sơ", "nameEn": "Desk reception", "kind": "reception", "permission": "dossier.receive", "agencyCode": null, "share": 5},
  {"code": "specialist", "name": "Chuyên viên thụ lý", "nameEn": "Specialist handling", "kind": "processing", "permission": "dossier.process", "agencyCode": null, "share": 45},
  {"code": "division-review", "name": "Trưởng phòng chuyên môn thẩm tra", "nameEn": "Head of division review", "kind": "processing", "permission": "dossier.process", "agencyCode": null, "share": 20},
  {"code": "director-approval", "name": "Lãnh đạo Sở phê duyệt", "nameEn": "Department director approval", "kind": "approval", "permission": "dossier.approve", "agencyCode": null, "share": 20},
  {"code": "result", "name": "Văn thư ban hành kết quả", "nameEn": "Clerk issues the result", "kind": "result", "permission": "dossier.process", "agencyCode": null, "share": 5},
  {"code": "return", "name": "Trả kết quả", "nameEn": "Result returned", "kind": "delivery", "permission": "dossier.receive", "agencyCode": null, "share": 5}
]'),
('ward-quick', DATE '2025-07-01', 'Quy trình rút gọn cấp phường, xã', 'Short ward workflow', '[
  {"code": "reception", "name": "Tiếp nhận hồ sơ", "nameEn": "Desk reception", "kind": "reception", "permission": "dossier.receive", "agencyCode": null, "share": 10},
  {"code": "civil-status-officer", "name": "Công chức tư pháp - hộ tịch xử lý", "nameEn": "Civil-status officer handling", "kind": "processing", "permission": "dossier.process", "agencyCode": null, "share": 50},
  {"code": "chair-approval", "name": "Chủ tịch UBND phường, xã ký duyệt", "nameEn": "Ward chair signs off", "kind": "approval", "permission": "dossier.approve", "agencyCode": null, "share": 30},
  {"code": "result", "name": "Ban hành kết quả", "nameEn": "Result issued", "kind": "result", "permission": "dossier.process", "agencyCode": null, "share": 5},
  {"code": "return", "name": "Trả kết quả", "nameEn": "Result returned", "kind": "delivery", "permission": "dossier.receive", "agencyCode": null, "share": 5}
]'),
('inter-agency-residence', DATE '2025-07-01', 'Liên thông đăng ký khai sinh - đăng ký thường trú', 'Inter-agency: birth registration then permanent residence', '[
  {"code": "reception", "name": "Tiếp nhận hồ sơ tại phường, xã", "nameEn": "Desk reception at the ward", "kind": "reception", "permission": "dossier.receive", "agencyCode": null, "share": 5},
  {"code": "civil-status-officer", "name": "Công chức tư pháp - hộ tịch đăng ký khai sinh", "nameEn": "Civil-status officer registers the birth", "kind": "processing", "permission": "dossier.process", "agencyCode": null, "share": 30},
  {"code": "chair-approval", "name": "Chủ tịch UBND phường, xã ký giấy khai sinh", "nameEn": "Ward chair signs the birth certificate", "kind": "approval", "permission": "dossier.approve", "agencyCode": null, "share": 15},
  {"code": "police-residence", "name": "Công an đăng ký thường trú", "nameEn": "Police register permanent residence", "kind": "processing", "permission": "dossier.process", "agencyCode": "cong-an-tp", "share": 30},
  {"code": "police-approval", "name": "Lãnh đạo Công an phê duyệt", "nameEn": "Police head approves", "kind": "approval", "permission": "dossier.approve", "agencyCode": "cong-an-tp", "share": 10},
  {"code": "result", "name": "Ban hành kết quả liên thông", "nameEn": "Inter-agency result issued", "kind": "result", "permission": "dossier.process", "agencyCode": null, "share": 5},
  {"code": "return", "name": "Trả kết quả", "nameEn": "Result returned", "kind": "delivery", "permission": "dossier.receive", "agencyCode": null, "share": 5}
]');
