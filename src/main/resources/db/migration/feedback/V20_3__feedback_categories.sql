-- The 1022 portal's report categories. Deadlines follow the city's practice for field reports: hours for
-- hazards that endanger people (fallen trees, live wires, flooding), working days for the rest.
INSERT INTO feedback_category (code, name_vi, name_en, deadline_days, deadline_hours, public, sort_order) VALUES
  ('giao-thong',        'Giao thông, hạ tầng đường bộ',         'Traffic and road infrastructure',      5, NULL, true, 10),
  ('den-tin-hieu',      'Đèn tín hiệu giao thông',              'Traffic lights',                       NULL, 8, true, 20),
  ('chieu-sang',        'Chiếu sáng công cộng',                 'Street lighting',                      3, NULL, true, 30),
  ('thoat-nuoc',        'Thoát nước, ngập nước',                'Drainage and flooding',                NULL, 16, true, 40),
  ('dien',              'Điện, sự cố lưới điện',                'Electricity and power-line faults',    NULL, 8, true, 50),
  ('cay-xanh',          'Cây xanh, cây ngã đổ',                 'Trees and fallen trees',               NULL, 8, true, 60),
  ('moi-truong',        'Môi trường, rác thải',                 'Environment and waste',                5, NULL, true, 70),
  ('o-nhiem',           'Ô nhiễm tiếng ồn, khói bụi',           'Noise and air pollution',              7, NULL, true, 80),
  ('trat-tu-do-thi',    'Trật tự đô thị, lấn chiếm vỉa hè',     'Urban order and pavement encroachment', 5, NULL, true, 90),
  ('an-ninh-trat-tu',   'An ninh trật tự',                      'Public order and security',            3, NULL, false, 100),
  ('xay-dung',          'Trật tự xây dựng',                     'Building without or against a permit', 10, NULL, true, 110),
  ('cap-nuoc',          'Cấp nước sinh hoạt',                   'Water supply',                         3, NULL, true, 120),
  ('ve-sinh-thuc-pham', 'An toàn thực phẩm',                    'Food safety',                          7, NULL, true, 130),
  ('cong-vien',         'Công viên, không gian công cộng',      'Parks and public spaces',              10, NULL, true, 140),
  ('khac',              'Phản ánh khác',                        'Other reports',                        10, NULL, true, 900);
